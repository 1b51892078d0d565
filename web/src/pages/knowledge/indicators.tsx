import type { components } from "../../api/knowledge";
import type { MessageKey } from "../../i18n/catalogue";
import { useI18n } from "../../i18n/I18nProvider";

type Indicator = components["schemas"]["IndicatorPublic"];
const KNOWN = new Set(["fashion_textile_companies", "employment", "exports", "circular_economy_companies"]);

/** An indicator's name in the reader's language where the app knows it, else its key in words. */
export function useIndicatorName(): (key: string) => string {
  const { t } = useI18n();
  return (key) => (KNOWN.has(key) ? t(`analyses.indicator.${key}` as MessageKey) : key.replaceAll("_", " "));
}

/** A region's figures for one year, each with its unit and its source. */
export function IndicatorTable({ caption, indicators }: { caption: string; indicators: Record<string, Indicator> }) {
  const { t, formatNumber } = useI18n();
  const nameOf = useIndicatorName();
  return (
    <table className="list">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("analyses.indicator")}</th>
          <th scope="col">{t("analyses.value")}</th>
          <th scope="col">{t("analyses.source")}</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(indicators).map(([key, indicator]) => (
          <tr key={key}>
            <th scope="row">{nameOf(key)}</th>
            <td>
              {formatNumber(indicator.value)} {indicator.unit}
            </td>
            <td>
              {/^https?:\/\//i.test(indicator.source.url) ? (
                <a href={indicator.source.url} rel="noopener noreferrer">
                  {indicator.source.title}
                </a>
              ) : (
                indicator.source.title
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
