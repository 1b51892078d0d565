import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { exchange, unwrap } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { ExchangeActions } from "./ExchangeActions";
import { EvidenceList } from "./Evidence";
import { PartyText, StateText } from "./Parties";
import { SIGNATORIES, calendarDate, standing, type Exchange, type Signatory } from "./model";

const isSignatory = (text: string): text is Signatory => (SIGNATORIES as string[]).includes(text);

function Details({ e, hostName }: { e: Exchange; hostName?: string }) {
  const { t, formatDate, formatNumber } = useI18n();
  const halvedReason = (reason: string) =>
    reason === "short_stay" ? t("exchange.lumpSum.shortStay") : reason === "near" ? t("exchange.lumpSum.near") : reason;
  const { token } = useAuth();
  const who = standing(token, e);
  const euro = (amount: string) => formatNumber(Number(amount), { style: "currency", currency: "EUR" });
  const day = (d: string) => formatDate(calendarDate(d));
  const names = new Map((e.signatures ?? []).map((s) => [s.signatory, s]));
  return (
    <>
      <dl className="facts">
        <dt>{t("exchange.stateLabel")}</dt>
        <dd>
          <StateText state={e.state} />
        </dd>
        <dt>{t("exchange.visitor")}</dt>
        <dd>
          <PartyText party={e.visitor} name={e.visitor.name ?? (who.visitor ? t("exchange.yours") : undefined)} />
        </dd>
        <dt>{t("exchange.host")}</dt>
        <dd>
          <PartyText party={e.host} name={e.host.name ?? hostName ?? (who.host ? t("exchange.yours") : undefined)} />
        </dd>
        <dt>{t("exchange.dates")}</dt>
        <dd>{t("exchange.period", { first: day(e.first_day), last: day(e.last_day) })}</dd>
        <dt>{t("exchange.activityKind")}</dt>
        <dd>{t(`exchange.kind.${e.activity_kind}`)}</dd>
        <dt>{t("exchange.slot")}</dt>
        <dd>{t(`category.${e.slot_category}`)}</dd>
        <dt>{t("exchange.lumpSum")}</dt>
        <dd>
          {e.lump_sum.amount_eur === null ? t("exchange.lumpSum.distanceMissing") : euro(e.lump_sum.amount_eur)}{" "}
          <span className="muted">
            {t("exchange.lumpSum.how", {
              cap: euro(e.lump_sum.cap_eur),
              days: formatNumber(e.lump_sum.working_days),
              km: e.lump_sum.distance_km === null ? "—" : formatNumber(Number(e.lump_sum.distance_km)),
            })}
            {e.lump_sum.halved_reasons.length > 0 &&
              ` ${t("exchange.lumpSum.halved", { reasons: e.lump_sum.halved_reasons.map(halvedReason).join("; ") })}`}
          </span>
        </dd>
        <dt>{t("exchange.reportDue")}</dt>
        <dd>{day(e.report_due)}</dd>
        {e.payment_due && (
          <>
            <dt>{t("exchange.paymentDue")}</dt>
            <dd>{day(e.payment_due)}</dd>
          </>
        )}
        {e.paid_at && (
          <>
            <dt>{t("exchange.paid")}</dt>
            <dd>
              {e.paid_amount_eur && euro(e.paid_amount_eur)} · {formatDate(e.paid_at)}
            </dd>
          </>
        )}
        {e.message && (
          <>
            <dt>{t("exchange.request.message")}</dt>
            <dd>{e.message}</dd>
          </>
        )}
        {e.closing_reason && (
          <>
            <dt>{t("exchange.closingReason")}</dt>
            <dd>{e.closing_reason}</dd>
          </>
        )}
        {e.review_comments && (
          <>
            <dt>{t("exchange.reviewComments")}</dt>
            <dd>{e.review_comments}</dd>
          </>
        )}
        {e.at_risk_reason && (
          <>
            <dt>{t("exchange.atRisk")}</dt>
            <dd>{e.at_risk_reason}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="commitment-heading">
        <h2 id="commitment-heading">{t("exchange.commitment.title")}</h2>
        {e.commitment === null ? (
          <p>{t("exchange.commitment.none")}</p>
        ) : (
          <>
            <h3>{t("exchange.commitment.goals")}</h3>
            <ul>
              {e.commitment.goals.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
            <h3>{t("exchange.commitment.results")}</h3>
            <ul>
              {e.commitment.expected_results.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            {e.commitment.agenda.length > 0 && (
              <>
                <h3>{t("exchange.commitment.agenda")}</h3>
                <ul>
                  {e.commitment.agenda.map((d) => (
                    <li key={d.day}>
                      {day(d.day)}: {d.activities}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h3>{t("exchange.signatures")}</h3>
            <ul>
              {SIGNATORIES.map((s) => {
                const signed = names.get(s);
                return (
                  <li key={s}>
                    {t(`exchange.signatory.${s}`)}:{" "}
                    {signed ? t("exchange.signedOn", { date: formatDate(signed.at) }) : t("exchange.notSigned")}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
      {e.report && (
        <section aria-labelledby="report-heading">
          <h2 id="report-heading">{t("exchange.report.title")}</h2>
          <p className="muted">
            {t("exchange.report.by", { name: e.report.submitted_by_name ?? "—", date: formatDate(e.report.submitted_at) })}
          </p>
          <h3>{t("exchange.field.summary")}</h3>
          <p>{e.report.summary}</p>
          <h3>{t("exchange.field.lessons")}</h3>
          <p>{e.report.lessons_learned}</p>
        </section>
      )}
      {e.host_feedback && (
        <section aria-labelledby="feedback-heading">
          <h2 id="feedback-heading">{t("exchange.field.feedback")}</h2>
          <p>{e.host_feedback}</p>
        </section>
      )}
    </>
  );
}

function History({ exchangeId, version }: { exchangeId: string; version: number }) {
  const { t, language } = useI18n();
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  const note = (text: string) => (isSignatory(text) ? t(`exchange.signatory.${text}`) : text);
  const history = useQuery({
    queryKey: ["exchange", "history", exchangeId, version],
    staleTime: 0, // others change it: read it afresh each time the page shows it
    queryFn: async () =>
      unwrap(await exchange.GET("/exchanges/{exchange_id}/history", { params: { path: { exchange_id: exchangeId } } })),
  });
  return (
    <QueryState query={history}>
      {(entries) => (
        <ol className="history">
          {entries.map((entry, i) => (
            <li key={`${entry.at}-${i}`}>
              <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time> —{" "}
              {t("exchange.history.entry", {
                who: entry.by_name ?? t("exchange.history.platform"),
                step: t(`exchange.step.${entry.step}`),
                state: t(`exchange.state.${entry.state}`),
              })}
              {entry.note && <span className="muted"> ({note(entry.note)})</span>}
            </li>
          ))}
        </ol>
      )}
    </QueryState>
  );
}

export default function ExchangePage() {
  const { t } = useI18n();
  const { token } = useAuth();
  const { exchangeId = "" } = useParams();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState("");
  const key = ["exchange", "exchange", exchangeId];
  const found = useQuery({
    queryKey: key,
    staleTime: 0, // others change it: read it afresh each time the page shows it
    enabled: Boolean(token),
    queryFn: async () => unwrap(await exchange.GET("/exchanges/{exchange_id}", { params: { path: { exchange_id: exchangeId } } })),
  });
  const offerId = found.data?.hosting_offer_id;
  const offer = useQuery({
    queryKey: ["exchange", "offer", offerId],
    enabled: Boolean(offerId),
    queryFn: async () => unwrap(await exchange.GET("/hosting-offers/{offer_id}", { params: { path: { offer_id: offerId! } } })),
  });
  if (!token)
    return (
      <>
        <h1>{t("exchange.title")}</h1>
        <p>
          <Link to="/sign-in">{t("exchange.mine.signIn")}</Link>
        </p>
      </>
    );
  const changed = (next: Exchange | null, message: string) => {
    if (next) queryClient.setQueryData(key, next);
    else void queryClient.invalidateQueries({ queryKey: key });
    if (message) setAnnouncement(message);
    void queryClient.invalidateQueries({ queryKey: ["exchange", "exchanges"] });
  };
  return (
    <>
      <h1>{t("exchange.title")}</h1>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <QueryState query={found}>
        {(e) => {
          const who = standing(token, e);
          return (
            <>
              <Details e={e} hostName={offer.data?.host_name} />
              <section aria-labelledby="actions-heading">
                <h2 id="actions-heading">{t("exchange.actions.title")}</h2>
                <ExchangeActions key={e.version} exchange={e} onChanged={changed} />
              </section>
              {(who.visitor || who.host || who.visitorCluster || who.hostCluster) && (
                <section aria-labelledby="evidence-heading">
                  <h2 id="evidence-heading">{t("exchange.evidence.title")}</h2>
                  <EvidenceList exchangeId={e.id} />
                </section>
              )}
              <section aria-labelledby="history-heading">
                <h2 id="history-heading">{t("exchange.history.title")}</h2>
                <History exchangeId={e.id} version={e.version} />
              </section>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
