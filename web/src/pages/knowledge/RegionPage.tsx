import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { knowledge, unwrap } from "../../api/clients";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { IndicatorTable } from "./indicators";

export default function RegionPage() {
  const { t, formatDate } = useI18n();
  const { code = "" } = useParams();
  const history = useQuery({
    queryKey: ["knowledge", "regional-analyses", code],
    queryFn: async () => unwrap(await knowledge.GET("/regional-analyses/{region_code}", { params: { path: { region_code: code } } })),
  });
  return (
    <>
      <p>
        <Link to="/regions">{t("analyses.back")}</Link>
      </p>
      <QueryState query={history}>
        {(years) => (
          <>
            <h1>{years[0]?.region_name ?? code}</h1>
            {years.length === 0 && <p>{t("analyses.empty")}</p>}
            {years.map((a) => (
              <section key={a.year} aria-labelledby={`year-${a.year}`}>
                <h2 id={`year-${a.year}`}>{t("analyses.analysisOf", { year: a.year })}</h2>
                <p className="muted">{t("analyses.writtenOn", { date: formatDate(a.written_at), revision: a.revision })}</p>
                <IndicatorTable caption={t("analyses.figuresOf", { year: a.year })} indicators={a.indicators} />
                <h3>{t("analyses.trends")}</h3>
                <p>{a.trends}</p>
                <h3>{t("analyses.challenges")}</h3>
                <p>{a.challenges}</p>
              </section>
            ))}
          </>
        )}
      </QueryState>
    </>
  );
}
