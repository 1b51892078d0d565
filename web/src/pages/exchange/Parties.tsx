import { useI18n } from "../../i18n/I18nProvider";
import { useClusters, type Exchange } from "./model";

/** One side of an exchange: its name (when the exchange was read, not in a step's answer),
 * category, country and home cluster. */
export function PartyText({ party, name }: { party: Exchange["visitor"]; name?: string }) {
  const { t, language } = useI18n();
  const clusters = useClusters();
  const country = new Intl.DisplayNames([language], { type: "region" }).of(party.country);
  const cluster = clusters.data?.get(party.cluster_id);
  return (
    <>
      {(name ?? party.name) && `${name ?? party.name} · `}
      {t(`category.${party.category}`)} · {country}
      {cluster && ` · ${t("exchange.cluster", { name: cluster })}`}
    </>
  );
}

export function StateText({ state }: { state: Exchange["state"] }) {
  const { t } = useI18n();
  return <span className={`state state-${state}`}>{t(`exchange.state.${state}`)}</span>;
}
