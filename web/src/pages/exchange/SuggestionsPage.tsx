import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { exchange, unwrap } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { Field } from "../../components/Field";
import { QueryState } from "../../components/QueryState";
import type { MessageKey } from "../../i18n/catalogue";
import { en } from "../../i18n/catalogue";
import { useI18n } from "../../i18n/I18nProvider";
import { OfferSummary } from "./OffersPage";
import { RequestForm } from "./RequestForm";
import { today, type Schemas, type Suggestion } from "./model";

function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return today(d);
}

/** One part of a suggestion's score: its name, points as words and as a small bar, and why. */
function ScorePart({ part }: { part: Schemas["ScorePartPublic"] }) {
  const { t, formatNumber } = useI18n();
  const key = `suggestions.part.${part.name}`;
  const name = Object.hasOwn(en, key) ? t(key as MessageKey) : part.name;
  const points = t("suggestions.points", { points: formatNumber(part.points), outOf: formatNumber(part.out_of) });
  const share = part.out_of > 0 ? Math.max(0, Math.min(1, part.points / part.out_of)) : 0;
  return (
    <li className="score-part">
      <span className="score-name">{name}</span>
      <svg viewBox="0 0 100 8" role="img" aria-label={`${name}: ${points}`} preserveAspectRatio="none" className="score-bar">
        <rect width="100" height="8" className="track" />
        <rect width={share * 100} height="8" className="fill" />
      </svg>
      <span>{points}</span>
      <span className="muted score-why">{part.why}</span>
    </li>
  );
}

function SuggestionItem({ suggestion, firstDay, lastDay }: { suggestion: Suggestion; firstDay: string; lastDay: string }) {
  const { t, formatNumber } = useI18n();
  const [requesting, setRequesting] = useState(false);
  const { offer } = suggestion;
  const headingId = `suggestion-${offer.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to={`/exchange/offers/${offer.id}`}>{offer.title}</Link>
      </h2>
      <OfferSummary offer={offer} />
      <p>
        <strong>{t("suggestions.score", { score: formatNumber(suggestion.score) })}</strong>
      </p>
      <ul className="score-parts" aria-label={t("suggestions.why")}>
        {suggestion.parts.map((part) => (
          <ScorePart key={part.name} part={part} />
        ))}
      </ul>
      {requesting ? (
        <RequestForm offer={offer} firstDay={firstDay} lastDay={lastDay} />
      ) : (
        <button type="button" onClick={() => setRequesting(true)}>
          {t("exchange.request.openFor", { host: offer.host_name })}
        </button>
      )}
    </li>
  );
}

export default function SuggestionsPage() {
  const { t } = useI18n();
  const { token } = useAuth();
  const organisationId = token?.organisation_id ?? null;
  const [draft, setDraft] = useState({ first_day: inDays(14), last_day: inDays(18) });
  const [period, setPeriod] = useState(draft);
  const suggestions = useQuery({
    queryKey: ["exchange", "suggestions", organisationId, period],
    enabled: Boolean(organisationId),
    queryFn: async () =>
      unwrap(
        await exchange.GET("/organisations/{organisation_id}/suggested-hosts", {
          params: { path: { organisation_id: organisationId! }, query: { ...period, limit: 20 } },
        }),
      ),
  });
  if (!organisationId)
    return (
      <>
        <h1>{t("suggestions.title")}</h1>
        <p>{t("exchange.request.membersOnly")}</p>
      </>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.first_day && draft.last_day) setPeriod(draft);
  };
  return (
    <>
      <h1>{t("suggestions.title")}</h1>
      <p>{t("suggestions.intro")}</p>
      <form className="filters" onSubmit={submit} aria-label={t("suggestions.period")}>
        <Field label={t("exchange.firstDay")}>
          <input type="date" required value={draft.first_day} onChange={(e) => setDraft({ ...draft, first_day: e.target.value })} />
        </Field>
        <Field label={t("exchange.lastDay")}>
          <input type="date" required value={draft.last_day} onChange={(e) => setDraft({ ...draft, last_day: e.target.value })} />
        </Field>
        <div className="field">
          <button type="submit">{t("suggestions.show")}</button>
        </div>
      </form>
      <QueryState query={suggestions}>
        {(list) =>
          list.length === 0 ? (
            <p>{t("suggestions.empty")}</p>
          ) : (
            <ol className="cards">
              {list.map((s) => (
                <SuggestionItem key={s.offer.id} suggestion={s} firstDay={period.first_day} lastDay={period.last_day} />
              ))}
            </ol>
          )
        }
      </QueryState>
    </>
  );
}
