import type { MessageKey } from "../../i18n/catalogue";
import { useI18n } from "../../i18n/I18nProvider";
import type { Filter, LibrarySearch } from "./searchState";
import { isKind } from "./vocabulary";

// The language is chosen beside the search box (it is also the language the words are read in);
// the author organisation comes from a resource page's link and is shown as a removable choice.
const SHOWN: Exclude<Filter, "language" | "author_organisation_id">[] = ["kind", "value_chain", "region", "tag"];
const LABELS: Record<(typeof SHOWN)[number], MessageKey> = {
  kind: "library.filter.kind",
  value_chain: "library.filter.valueChain",
  region: "library.filter.region",
  tag: "library.filter.tag",
};
const VALUE_CHAINS = new Set(["fashion_textile", "circular_economy", "creative_industries", "digital_technology"]);

/** One choice per filter, each value with the number of matches the search answered. */
export function FacetFilters({
  search,
  facets,
  onChange,
}: {
  search: LibrarySearch;
  facets: Record<string, Record<string, number>>;
  onChange: (next: LibrarySearch) => void;
}) {
  const { t, formatNumber } = useI18n();
  const name = (filter: Filter, value: string): string => {
    if (filter === "kind" && isKind(value)) return t(`library.kind.${value}`);
    if (filter === "value_chain" && VALUE_CHAINS.has(value)) return t(`valueChain.${value}` as MessageKey);
    return value;
  };
  return (
    <fieldset className="facets">
      <legend>{t("library.filters")}</legend>
      {SHOWN.map((filter) => {
        const counts = facets[filter] ?? {};
        const chosen = search[filter];
        const values = Object.keys(counts);
        if (chosen && !values.includes(chosen)) values.unshift(chosen);
        return (
          <label key={filter}>
            {t(LABELS[filter])}{" "}
            <select
              value={chosen ?? ""}
              disabled={values.length === 0}
              onChange={(e) => onChange({ ...search, [filter]: e.target.value || undefined, offset: 0 })}
            >
              <option value="">{t("common.all")}</option>
              {values.map((value) => (
                <option key={value} value={value}>
                  {name(filter, value)} ({formatNumber(counts[value] ?? 0)})
                </option>
              ))}
            </select>
          </label>
        );
      })}
      {search.author_organisation_id && (
        <button type="button" onClick={() => onChange({ ...search, author_organisation_id: undefined, offset: 0 })}>
          {t("library.filter.anyAuthor")}
        </button>
      )}
    </fieldset>
  );
}
