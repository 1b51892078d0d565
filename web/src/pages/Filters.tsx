import { useI18n } from "../i18n/I18nProvider";
import { CATEGORIES, VALUE_CHAINS, isCategory, isValueChain, type Category, type ValueChain } from "./options";

export interface FilterValues {
  category?: Category;
  value_chain?: ValueChain;
}

/** Category and value-chain filters shared by the directory and the map. */
export function Filters({ value, onChange }: { value: FilterValues; onChange: (next: FilterValues) => void }) {
  const { t } = useI18n();
  return (
    <>
      <label>
        {t("directory.category")}{" "}
        <select
          value={value.category ?? ""}
          onChange={(e) => onChange({ ...value, category: isCategory(e.target.value) ? e.target.value : undefined })}
        >
          <option value="">{t("common.all")}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("directory.valueChain")}{" "}
        <select
          value={value.value_chain ?? ""}
          onChange={(e) =>
            onChange({ ...value, value_chain: isValueChain(e.target.value) ? e.target.value : undefined })
          }
        >
          <option value="">{t("common.all")}</option>
          {VALUE_CHAINS.map((v) => (
            <option key={v} value={v}>
              {t(`valueChain.${v}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
