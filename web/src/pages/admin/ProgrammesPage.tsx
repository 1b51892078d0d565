import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { exchange, problemMessage, unwrap } from "../../api/clients";
import type { components } from "../../api/exchange";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { Restricted, isAdmin } from "./access";
import { ProgrammeForm } from "./ProgrammeForm";

type Programme = components["schemas"]["ProgrammePublic"];

function ProgrammeRow({ programme, onClosed }: { programme: Programme; onClosed: (message: string) => void }) {
  const { t, formatDate, formatNumber } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const close = useMutation({
    mutationFn: async () => {
      const { data, error } = await exchange.POST("/programmes/{programme_id}/closure", {
        params: { path: { programme_id: programme.id } },
      });
      if (!data) throw new Error(problemMessage(error));
      return data;
    },
    onSuccess: () => onClosed(t("programmes.closed", { name: programme.name })),
  });
  const headingId = `programme-${programme.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{programme.name}</h3>
      <p>
        {programme.closed_at
          ? t("programmes.closedOn", { date: formatDate(programme.closed_at) })
          : t("programmes.open")}
      </p>
      <dl className="facts">
        <dt>{t("programmes.applicationWindow")}</dt>
        <dd>
          {formatDate(programme.application_window.first)} – {formatDate(programme.application_window.last)}
        </dd>
        <dt>{t("programmes.activityWindow")}</dt>
        <dd>
          {formatDate(programme.activity_window.first)} – {formatDate(programme.activity_window.last)}
        </dd>
        <dt>{t("programmes.target")}</dt>
        <dd>{formatNumber(programme.target)}</dd>
      </dl>
      <table className="list">
        <caption>{t("programmes.quotasOf", { name: programme.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("programmes.category")}</th>
            <th scope="col">{t("programmes.side")}</th>
            <th scope="col">{t("programmes.slots")}</th>
          </tr>
        </thead>
        <tbody>
          {programme.quotas.map((q) => (
            <tr key={q.category}>
              <th scope="row">{t(`category.${q.category}`)}</th>
              <td>{t(q.side === "host" ? "programmes.sideHost" : "programmes.sideVisitor")}</td>
              <td>{formatNumber(q.slots)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t("programmes.capsList")}{" "}
        {Object.entries(programme.lump_sum_caps)
          .map(([country, amount]) => `${country} ${formatNumber(Number(amount), { style: "currency", currency: "EUR" })}`)
          .join(" · ")}
      </p>
      {close.isError && (
        <p role="alert" className="error">
          {close.error.message}
        </p>
      )}
      {!programme.closed_at &&
        (confirming ? (
          <p>
            {t("programmes.closeWarning")}{" "}
            <button type="button" disabled={close.isPending} onClick={() => close.mutate()}>
              {t("programmes.confirmClose", { name: programme.name })}
            </button>{" "}
            <button type="button" onClick={() => setConfirming(false)}>
              {t("programmes.cancel")}
            </button>
          </p>
        ) : (
          <p>
            <button type="button" onClick={() => setConfirming(true)}>
              {t("programmes.close", { name: programme.name })}
            </button>
          </p>
        ))}
    </li>
  );
}

export default function ProgrammesPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState("");
  const programmes = useQuery({
    queryKey: ["exchange", "programmes"],
    queryFn: async () => unwrap(await exchange.GET("/programmes")),
  });
  const changed = (message: string) => {
    setAnnouncement(message);
    void queryClient.invalidateQueries({ queryKey: ["exchange", "programmes"] });
  };
  return (
    <Restricted title="programmes.title" allowed={isAdmin} notice="admin.onlyAdministrators">
      <p role="status" className="announcement">
        {announcement}
      </p>
      <section aria-labelledby="programmes-heading">
        <h2 id="programmes-heading">{t("programmes.list")}</h2>
        <QueryState query={programmes}>
          {(list) =>
            list.length === 0 ? (
              <p>{t("programmes.empty")}</p>
            ) : (
              <ul className="cards">
                {[...list]
                  .sort((a, b) => b.created_at.localeCompare(a.created_at))
                  .map((p) => (
                    <ProgrammeRow key={p.id} programme={p} onClosed={changed} />
                  ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      <section aria-labelledby="new-programme-heading">
        <h2 id="new-programme-heading">{t("programmes.new")}</h2>
        <ProgrammeForm onCreated={(p) => changed(t("programmes.created", { name: p.name }))} />
      </section>
    </Restricted>
  );
}
