import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { knowledge, unwrap } from "../../api/clients";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { useIndicatorName } from "./indicators";

/** The cooperation between partner clusters: each pair working together and on what. */
function Cooperation() {
  const { t } = useI18n();
  const map = useQuery({
    queryKey: ["knowledge", "cooperation-map"],
    queryFn: async () => unwrap(await knowledge.GET("/cooperation-map")),
  });
  return (
    <section aria-labelledby="cooperation-heading">
      <h2 id="cooperation-heading">{t("analyses.cooperation")}</h2>
      <QueryState query={map}>
        {(m) => {
          const name = (id: string) => m.clusters.find((c) => c.cluster_id === id)?.short_name ?? id;
          return m.links.length === 0 ? (
            <p>{t("analyses.noCooperation")}</p>
          ) : (
            <ul className="cards">
              {m.links.map((link) => (
                <li key={link.cluster_ids.join("-")} className="card">
                  <h3>{link.cluster_ids.map(name).join(" ↔ ")}</h3>
                  <ul>
                    {link.actions.map((a) => (
                      <li key={`${a.origin}-${a.owner_cluster_id ?? ""}-${a.code}`}>
                        {a.title} <span className="muted">({t(a.origin === "common" ? "analyses.commonAction" : "analyses.clusterAction")})</span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
    </section>
  );
}

export default function RegionsPage() {
  const { t, formatNumber } = useI18n();
  const nameOf = useIndicatorName();
  const latest = useQuery({
    queryKey: ["knowledge", "regional-analyses"],
    queryFn: async () => unwrap(await knowledge.GET("/regional-analyses")),
  });
  const partners = useQuery({
    queryKey: ["knowledge", "partner-clusters"],
    queryFn: async () => unwrap(await knowledge.GET("/partner-clusters")),
  });
  const keys = [...new Set(latest.data?.flatMap((r) => Object.keys(r.indicators)) ?? [])];
  return (
    <>
      <h1>{t("analyses.title")}</h1>
      <p>{t("analyses.intro")}</p>
      <QueryState query={latest}>
        {(regions) =>
          regions.length === 0 ? (
            <p>{t("analyses.empty")}</p>
          ) : (
            <table className="list">
              <caption className="visually-hidden">{t("analyses.latest")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("analyses.region")}</th>
                  <th scope="col">{t("analyses.cluster")}</th>
                  <th scope="col">{t("analyses.year")}</th>
                  {keys.map((k) => (
                    <th scope="col" key={k}>
                      {nameOf(k)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {regions.map((r) => (
                  <tr key={r.region_code}>
                    <th scope="row">
                      <Link to={`/regions/${r.region_code}`}>
                        {r.region_name} ({r.region_code})
                      </Link>
                    </th>
                    <td>{partners.data?.find((p) => p.cluster_id === r.cluster_id)?.short_name}</td>
                    <td>{r.year}</td>
                    {keys.map((k) => {
                      const indicator = r.indicators[k];
                      return <td key={k}>{indicator ? `${formatNumber(indicator.value)} ${indicator.unit}` : "—"}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      <Cooperation />
    </>
  );
}
