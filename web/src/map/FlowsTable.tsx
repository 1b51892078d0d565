import { useI18n } from "../i18n/I18nProvider";
import type { Flow } from "./flows";

/** The same flows as the map's lines, for screen readers and for reading exact figures: busiest first. */
export function FlowsTable({ flows, programme }: { flows: Flow[]; programme: string }) {
  const { t, language, formatNumber } = useI18n();
  const countries = new Intl.DisplayNames([language], { type: "region" });
  const name = (code: string) => countries.of(code) ?? code;
  const sorted = [...flows].sort(
    (a, b) => b.approved - a.approved || b.completed - a.completed || a.from_country.localeCompare(b.from_country) || a.to_country.localeCompare(b.to_country),
  );
  if (sorted.length === 0) return <p>{t("map.flowsNone")}</p>;
  return (
    <table className="list flows-table">
      <caption>{t("map.flowsCaption", { programme })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("map.flowFrom")}</th>
          <th scope="col">{t("map.flowTo")}</th>
          <th scope="col">{t("chart.approved")}</th>
          <th scope="col">{t("chart.completed")}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((f) => (
          <tr key={`${f.from_country}-${f.to_country}`}>
            <th scope="row">{name(f.from_country)}</th>
            <td>{name(f.to_country)}</td>
            <td>{formatNumber(f.approved)}</td>
            <td>{formatNumber(f.completed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
