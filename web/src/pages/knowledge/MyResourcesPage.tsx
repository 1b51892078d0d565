import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation } from "react-router";
import { knowledge, problemMessage, unwrap } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { authorOrganisation, LIBRARY_LANGUAGES, type Resource } from "./vocabulary";

const EDITABLE = new Set(["draft", "sent_back", "published"]);
const SUBMITTABLE = new Set(["draft", "sent_back"]);

function OwnResource({ resource, announce }: { resource: Resource; announce: (message: string) => void }) {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const latest = resource.latest_revision;
  const status = resource.status === "archived" ? "archived" : (latest?.status ?? resource.status);
  const submit = useMutation({
    mutationFn: async () => {
      const { data, error } = await knowledge.POST("/resources/{resource_id}/submit", { params: { path: { resource_id: resource.id } } });
      if (!data) throw new Error(problemMessage(error));
      return data;
    },
    onSuccess: () => {
      announce(t("library.mine.submitted", { title: latest?.title ?? resource.title }));
      void queryClient.invalidateQueries({ queryKey: ["knowledge", "mine"] });
    },
  });
  const headingId = `resource-${resource.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h2 id={headingId} lang={resource.language}>
        <Link to={`/library/${resource.id}`}>{latest?.title ?? resource.title}</Link>
      </h2>
      <p className="muted">
        {t(`library.kind.${resource.kind}`)} · {LIBRARY_LANGUAGES[resource.language]} · {t(`resource.status.${status}` as never)}
        {latest && ` · ${t("library.mine.revision", { number: latest.number, date: formatDate(latest.written_at) })}`}
      </p>
      {status === "sent_back" && latest?.comment && (
        <blockquote className="comment">
          <p className="muted">{t("library.mine.sentBackComment")}</p>
          <p>{latest.comment}</p>
        </blockquote>
      )}
      {submit.isError && <p role="alert" className="error">{submit.error.message}</p>}
      <p>
        {EDITABLE.has(status) && <Link to={`/library/${resource.id}/edit`}>{t("library.mine.edit")}</Link>}{" "}
        {SUBMITTABLE.has(status) && (
          <button type="button" disabled={submit.isPending} onClick={() => submit.mutate()}>
            {t("library.mine.submit")}
          </button>
        )}
      </p>
    </li>
  );
}

export default function MyResourcesPage() {
  const { t } = useI18n();
  const { token } = useAuth();
  const location = useLocation();
  const saved = (location.state as { saved?: string } | null)?.saved;
  const [announcement, setAnnouncement] = useState(saved ? t("library.mine.saved", { title: saved }) : "");
  const organisationId = authorOrganisation(token);
  const resources = useQuery({
    queryKey: ["knowledge", "mine", organisationId],
    enabled: Boolean(organisationId),
    queryFn: async () =>
      unwrap(
        await knowledge.GET("/organisations/{organisation_id}/resources", {
          params: { path: { organisation_id: organisationId! }, query: { limit: 100 } },
        }),
      ),
  });
  if (!organisationId)
    return (
      <>
        <h1>{t("library.mine.title")}</h1>
        <p>{t("library.mine.membersOnly")}</p>
      </>
    );
  return (
    <>
      <h1>{t("library.mine.title")}</h1>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <p>
        <Link to="/library/new">{t("library.mine.new")}</Link>
      </p>
      <QueryState query={resources}>
        {(list) =>
          list.length === 0 ? (
            <p>{t("library.mine.empty")}</p>
          ) : (
            <ul className="cards">
              {list.map((r) => (
                <OwnResource key={r.id} resource={r} announce={setAnnouncement} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
