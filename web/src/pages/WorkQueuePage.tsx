import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { membership, problemMessage, unwrap } from "../api/clients";
import type { components } from "../api/membership";
import { useAuth } from "../auth/AuthProvider";
import { QueryState } from "../components/QueryState";
import { useI18n } from "../i18n/I18nProvider";
import { queueSections as exchangeSections } from "./exchange/queue";
import { queueSections as knowledgeSections } from "./knowledge/queue";

// Membership's applications first, then each area's sections (commitments, reports, payments, resources).
const AREA_SECTIONS = [...exchangeSections, ...knowledgeSections];

type Application = components["schemas"]["OrganisationPublic"];

function ApplicationItem({ application, onDecided }: { application: Application; onDecided: (message: string) => void }) {
  const { t, formatDate, language } = useI18n();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState("");
  const path = { params: { path: { organisation_id: application.id } } };
  const decide = useMutation({
    mutationFn: async (decision: "approve" | "refuse") => {
      const { error, response } =
        decision === "approve"
          ? await membership.POST("/organisations/{organisation_id}/approval", path)
          : await membership.POST("/organisations/{organisation_id}/rejection", { ...path, body: { reason: reason.trim() } });
      if (!response.ok) throw new Error(problemMessage(error));
      return decision;
    },
    onSuccess: (decision) =>
      onDecided(t(decision === "approve" ? "queue.approved" : "queue.refused", { name: application.legal_name })),
  });
  const countries = new Intl.DisplayNames([language], { type: "region" });
  const headingId = `application-${application.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{application.legal_name}</h3>
      <p>
        {t(`category.${application.category}`)} · {countries.of(application.country)} {application.city && `· ${application.city}`} ·{" "}
        {application.registration_number}
      </p>
      <p className="muted">{t("queue.appliedOn", { date: formatDate(application.applied_at) })}</p>
      {decide.isError && <p role="alert" className="error">{decide.error.message}</p>}
      {refusing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) decide.mutate("refuse");
          }}
        >
          <label>
            {t("queue.reason")} <textarea required maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" disabled={decide.isPending}>
            {t("queue.confirmRefuse")}
          </button>{" "}
          <button type="button" onClick={() => setRefusing(false)}>
            {t("queue.cancel")}
          </button>
        </form>
      ) : (
        <p>
          <button type="button" disabled={decide.isPending} onClick={() => decide.mutate("approve")}>
            {t("queue.approve")}
          </button>{" "}
          <button type="button" disabled={decide.isPending} onClick={() => setRefusing(true)}>
            {t("queue.refuse")}
          </button>
        </p>
      )}
    </li>
  );
}

export default function WorkQueuePage() {
  const { t } = useI18n();
  const { token } = useAuth();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState("");
  const clusterId = token?.roles.includes("cluster_manager") ? token.cluster_id : null;
  const applications = useQuery({
    queryKey: ["membership", "applications", clusterId],
    enabled: Boolean(clusterId),
    queryFn: async () =>
      unwrap(await membership.GET("/clusters/{cluster_id}/applications", { params: { path: { cluster_id: clusterId! } } })),
  });
  if (!clusterId)
    return (
      <>
        <h1>{t("queue.title")}</h1>
        <p>{t("queue.managersOnly")}</p>
      </>
    );
  const decided = (message: string) => {
    setAnnouncement(message);
    void queryClient.invalidateQueries({ queryKey: ["membership", "applications"] });
  };
  return (
    <>
      <h1>{t("queue.title")}</h1>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading">{t("queue.applications")}</h2>
        <QueryState query={applications}>
          {(list) =>
            list.length === 0 ? (
              <p>{t("queue.empty")}</p>
            ) : (
              <ul className="cards">
                {list.map((a) => (
                  <ApplicationItem key={a.id} application={a} onDecided={decided} />
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      {AREA_SECTIONS.map(({ id, Component }) => (
        <Component key={id} clusterId={clusterId} announce={setAnnouncement} />
      ))}
    </>
  );
}
