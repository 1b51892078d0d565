import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { exchange, unwrap } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { Field } from "../../components/Field";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { CATEGORIES, VALUE_CHAINS, isCategory } from "../options";
import { ACTIVITY_KINDS, COUNTRIES, LANGUAGE_CODES, isActivityKind, type Offer } from "./model";

const PAGE = 20;
interface OfferFilters {
  country: string;
  category: string;
  value_chain: string;
  activity_kind: string;
  language: string;
  available_from: string;
  available_to: string;
}
const NO_FILTERS: OfferFilters = {
  country: "",
  category: "",
  value_chain: "",
  activity_kind: "",
  language: "",
  available_from: "",
  available_to: "",
};

export function OfferSummary({ offer }: { offer: Offer }) {
  const { t, formatDate, language } = useI18n();
  const countries = new Intl.DisplayNames([language], { type: "region" });
  return (
    <>
      <p>
        {offer.host_name} · {t(`category.${offer.host_category}`)} · {countries.of(offer.host_country)}
      </p>
      <p className="muted">
        {offer.activity_kinds.map((k) => t(`exchange.kind.${k}`)).join(", ")}
        {offer.languages.length > 0 && ` · ${t("offers.languages")}: ${offer.languages.join(", ")}`} ·{" "}
        {t("offers.capacity", { count: offer.capacity })}
      </p>
      <p className="muted">
        {offer.periods.map((p) => t("offers.period", { first: formatDate(p.first), last: formatDate(p.last) })).join("; ")}
      </p>
    </>
  );
}

export default function OffersPage() {
  const { t, formatNumber, language } = useI18n();
  const { token } = useAuth();
  const [filters, setFilters] = useState<OfferFilters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const offers = useQuery({
    queryKey: ["exchange", "offers", filters, offset],
    queryFn: async () =>
      unwrap(
        await exchange.GET("/hosting-offers", {
          params: {
            query: {
              country: filters.country || undefined,
              category: isCategory(filters.category) ? filters.category : undefined,
              value_chain: filters.value_chain || undefined,
              activity_kind: isActivityKind(filters.activity_kind) ? filters.activity_kind : undefined,
              language: filters.language || undefined,
              available_from: filters.available_from || undefined,
              available_to: filters.available_to || undefined,
              limit: PAGE,
              offset,
            },
          },
        }),
      ),
  });
  const countries = new Intl.DisplayNames([language], { type: "region" });
  const languages = new Intl.DisplayNames([language], { type: "language" });
  const set = (key: keyof OfferFilters) => (e: { target: { value: string } }) => {
    setFilters({ ...filters, [key]: e.target.value });
    setOffset(0);
  };
  return (
    <>
      <h1>{t("offers.title")}</h1>
      <p>{t("offers.intro")}</p>
      {token?.organisation_id && (
        <p>
          <Link to="/exchange/offers/new">{t("offers.publish")}</Link>
        </p>
      )}
      <form className="filters" role="search" aria-label={t("offers.filters")} onSubmit={(e) => e.preventDefault()}>
        <Field label={t("offers.country")}>
          <select value={filters.country} onChange={set("country")}>
            <option value="">{t("common.all")}</option>
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {countries.of(c)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("offers.category")}>
          <select value={filters.category} onChange={set("category")}>
            <option value="">{t("common.all")}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("offers.valueChain")}>
          <select value={filters.value_chain} onChange={set("value_chain")}>
            <option value="">{t("common.all")}</option>
            {VALUE_CHAINS.map((v) => (
              <option key={v} value={v}>
                {t(`valueChain.${v}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("offers.activityKind")}>
          <select value={filters.activity_kind} onChange={set("activity_kind")}>
            <option value="">{t("common.all")}</option>
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`exchange.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("offers.language")}>
          <select value={filters.language} onChange={set("language")}>
            <option value="">{t("common.all")}</option>
            {LANGUAGE_CODES.map((code) => (
              <option key={code} value={code}>
                {languages.of(code)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("offers.availableFrom")}>
          <input type="date" value={filters.available_from} onChange={set("available_from")} />
        </Field>
        <Field label={t("offers.availableTo")}>
          <input type="date" value={filters.available_to} onChange={set("available_to")} />
        </Field>
      </form>
      <QueryState query={offers}>
        {(list) => (
          <>
            {list.length === 0 ? (
              <p>{t("offers.empty")}</p>
            ) : (
              <ul className="cards">
                {list.map((offer) => (
                  <li key={offer.id} className="card" aria-labelledby={`offer-${offer.id}`}>
                    <h2 id={`offer-${offer.id}`}>
                      <Link to={`/exchange/offers/${offer.id}`}>{offer.title}</Link>
                    </h2>
                    <OfferSummary offer={offer} />
                  </li>
                ))}
              </ul>
            )}
            <nav className="pager" aria-label={t("offers.pages")}>
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t("common.previous")}
              </button>
              <span>{t("offers.from", { from: formatNumber(offset + 1) })}</span>
              <button type="button" disabled={list.length < PAGE} onClick={() => setOffset(offset + PAGE)}>
                {t("common.next")}
              </button>
            </nav>
          </>
        )}
      </QueryState>
    </>
  );
}
