import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { exchange, unwrap } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { BarChart } from "../../components/BarChart";
import { Field } from "../../components/Field";
import { ProgressChart } from "../../components/ProgressChart";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { currentProgramme, download, useClusters, useProgrammes } from "./model";

function Figures({ programmeId, programmeName }: { programmeId: string; programmeName: string }) {
  const { t, formatNumber, formatDate, language } = useI18n();
  const { token } = useAuth();
  const clusters = useClusters();
  const [exportProblem, setExportProblem] = useState("");
  const [exporting, setExporting] = useState(false);
  const figures = useQuery({
    queryKey: ["exchange", "figures", programmeId],
    queryFn: async () => unwrap(await exchange.GET("/programmes/{programme_id}/figures", { params: { path: { programme_id: programmeId } } })),
  });
  const mayExport = Boolean(token?.roles.some((r) => r === "cluster_manager" || r === "platform_admin"));
  const ownCluster = token?.roles.includes("cluster_manager") ? token.cluster_id : null;
  const exportCsv = async () => {
    setExportProblem("");
    setExporting(true);
    try {
      await download(`/programmes/${programmeId}/exchanges.csv`, `exchanges-${programmeName.replace(/[^\w-]+/g, "-")}.csv`);
    } catch (err) {
      setExportProblem(t("exchange.figures.exportFailed", { message: (err as Error).message }));
    } finally {
      setExporting(false);
    }
  };
  const countries = new Intl.DisplayNames([language], { type: "region" });
  return (
    <QueryState query={figures}>
      {(f) => {
        const own = f.by_visitor_cluster.find((c) => c.cluster_id === ownCluster);
        return (
          <>
            <p className="muted">{t("exchange.figures.on", { date: formatDate(f.on) })}</p>
            {mayExport && (
              <p>
                <button type="button" disabled={exporting} onClick={() => void exportCsv()}>
                  {t("exchange.figures.export")}
                </button>
              </p>
            )}
            {exportProblem && (
              <p role="alert" className="error">
                {exportProblem}
              </p>
            )}
            <ProgressChart label={t("exchange.figures.approvedTotal")} value={f.total.approved} target={f.total.slots} />
            <ProgressChart label={t("exchange.figures.completedTotal")} value={f.total.completed} target={f.total.slots} />
            {ownCluster && (
              <section aria-labelledby="own-cluster-heading">
                <h2 id="own-cluster-heading">{t("exchange.figures.yourCluster", { name: clusters.data?.get(ownCluster) ?? "" })}</h2>
                <p>
                  {t("exchange.figures.clusterLine", {
                    approved: formatNumber(own?.approved ?? 0),
                    completed: formatNumber(own?.completed ?? 0),
                  })}
                </p>
              </section>
            )}
            <BarChart
              title={t("exchange.figures.byCluster")}
              series={[t("chart.approved"), t("chart.completed")]}
              bars={f.by_visitor_cluster.map((c) => ({
                label: clusters.data?.get(c.cluster_id) ?? c.cluster_id.slice(0, 8),
                values: [c.approved, c.completed],
              }))}
            />
            <h2>{t("exchange.figures.quotas")}</h2>
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">{t("exchange.figures.category")}</th>
                  <th scope="col">{t("exchange.figures.slots")}</th>
                  <th scope="col">{t("chart.approved")}</th>
                  <th scope="col">{t("chart.completed")}</th>
                  <th scope="col">{t("exchange.figures.forecast")}</th>
                </tr>
              </thead>
              <tbody>
                {f.categories.map((c) => (
                  <tr key={c.category ?? "total"}>
                    <th scope="row">{c.category ? t(`category.${c.category}`) : t("exchange.figures.total")}</th>
                    <td>{formatNumber(c.slots)}</td>
                    <td>{formatNumber(c.approved)}</td>
                    <td>{formatNumber(c.completed)}</td>
                    <td>{c.approved_by ? formatDate(c.approved_by) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {f.flows.length > 0 && (
              <>
                <h2>{t("exchange.figures.flows")}</h2>
                <table className="list">
                  <thead>
                    <tr>
                      <th scope="col">{t("exchange.figures.from")}</th>
                      <th scope="col">{t("exchange.figures.to")}</th>
                      <th scope="col">{t("chart.approved")}</th>
                      <th scope="col">{t("chart.completed")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {f.flows.map((flow) => (
                      <tr key={`${flow.from_country}-${flow.to_country}`}>
                        <th scope="row">{countries.of(flow.from_country)}</th>
                        <td>{countries.of(flow.to_country)}</td>
                        <td>{formatNumber(flow.approved)}</td>
                        <td>{formatNumber(flow.completed)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </>
        );
      }}
    </QueryState>
  );
}

export default function FiguresPage() {
  const { t } = useI18n();
  const programmes = useProgrammes();
  const [chosen, setChosen] = useState("");
  return (
    <>
      <h1>{t("exchange.figures.title")}</h1>
      <QueryState query={programmes}>
        {(list) => {
          const programme = list.find((p) => p.id === chosen) ?? currentProgramme(list);
          if (!programme) return <p>{t("exchange.figures.none")}</p>;
          return (
            <>
              <Field label={t("exchange.request.programme")}>
                <select value={programme.id} onChange={(e) => setChosen(e.target.value)}>
                  {list.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Figures key={programme.id} programmeId={programme.id} programmeName={programme.name} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
