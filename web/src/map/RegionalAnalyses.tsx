import type { components } from "../api/knowledge";
import { BarChart } from "../components/BarChart";
import { useI18n } from "../i18n/I18nProvider";
import type { MessageKey } from "../i18n/catalogue";

export type MapRegion = components["schemas"]["MapRegion"];

// The indicators the partner regions report; any other is shown under its own key, readably.
const KNOWN: Record<string, MessageKey> = {
  fashion_textile_companies: "map.indicator.fashion_textile_companies",
  employment: "map.indicator.employment",
  exports: "map.indicator.exports",
  circular_economy_companies: "map.indicator.circular_economy_companies",
};
// Charted across regions: the figures every partner region has and that compare in one unit.
const CHARTED = ["fashion_textile_companies", "employment"];

/** The chart's row label: the name without its local form in brackets ("North Central (Severen tsentralen)"). */
const shortName = (name: string) => name.replace(/\s*\([^)]*\)$/, "") || name;

export function useIndicatorLabel(): (key: string) => string {
  const { t } = useI18n();
  return (key) => (KNOWN[key] ? t(KNOWN[key]) : key.replace(/_/g, " "));
}

/** Each partner region's latest key figures, with their sources, and charts comparing the regions. */
export function RegionalAnalyses({ regions }: { regions: MapRegion[] }) {
  const { t, formatNumber } = useI18n();
  const label = useIndicatorLabel();
  if (regions.length === 0) return <p>{t("map.regionsNone")}</p>;
  const sorted = [...regions].sort((a, b) => a.region_code.localeCompare(b.region_code));
  return (
    <>
      <div className="charts">
        {CHARTED.filter((key) => sorted.some((r) => r.indicators[key])).map((key) => (
          <BarChart
            key={key}
            title={t("map.regionsChart", { indicator: label(key) })}
            series={[label(key)]}
            bars={sorted.filter((r) => r.indicators[key]).map((r) => ({ label: shortName(r.region_name), values: [r.indicators[key]!.value] }))}
          />
        ))}
      </div>
      <ul className="cards regions">
        {sorted.map((region) => {
          const headingId = `region-${region.region_code}`;
          return (
            <li key={region.region_code} className="card" aria-labelledby={headingId}>
              <h3 id={headingId}>
                {region.region_name} ({region.region_code})
              </h3>
              <p className="muted">{t("map.regionYear", { year: region.year })}</p>
              <dl className="facts">
                {Object.entries(region.indicators).map(([key, indicator]) => (
                  <div key={key}>
                    <dt>{label(key)}</dt>
                    <dd>
                      {formatNumber(indicator.value)} {indicator.unit}{" "}
                      <span className="muted">
                        ({t("map.source")}{" "}
                        {/^https?:\/\//.test(indicator.source.url) ? (
                          <a href={indicator.source.url} rel="noopener noreferrer">
                            {indicator.source.title}
                          </a>
                        ) : (
                          indicator.source.title
                        )}
                        )
                      </span>
                    </dd>
                  </div>
                ))}
              </dl>
            </li>
          );
        })}
      </ul>
    </>
  );
}
