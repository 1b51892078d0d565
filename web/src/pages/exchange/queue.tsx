// This area's sections of the cluster manager's work queue, each actionable in place: approvals,
// commitments waiting for the cluster's signature, reports to review, lump sums to pay.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import { exchange as api, problemMessage, unwrap } from "../../api/clients";
import type { QueueSection, QueueSectionProps } from "../../app/area";
import type { MessageKey } from "../../i18n/catalogue";
import { useI18n } from "../../i18n/I18nProvider";
import { EvidenceList } from "./Evidence";
import { PartyText } from "./Parties";
import { calendarDate, today, type Exchange, type Signatory, type State } from "./model";

type Step = "approve" | "validate" | "sendBack" | "pay" | Signatory;

async function decide(e: Exchange, step: Step, comments: string): Promise<Exchange> {
  const path = { params: { path: { exchange_id: e.id } } };
  const { data, error } =
    step === "approve"
      ? await api.POST("/exchanges/{exchange_id}/approval", path)
      : step === "validate"
        ? await api.POST("/exchanges/{exchange_id}/validation", path)
        : step === "pay"
          ? await api.POST("/exchanges/{exchange_id}/payment", path)
          : step === "sendBack"
            ? await api.POST("/exchanges/{exchange_id}/send-back", { ...path, body: { comments } })
            : await api.POST("/exchanges/{exchange_id}/signatures", { ...path, body: { signatory: step } });
  if (!data) throw new Error(problemMessage(error));
  return data;
}

function useExchanges(state: State, clusterId: string, keep: (e: Exchange) => boolean) {
  return useQuery({
    queryKey: ["exchange", "exchanges", "queue", state, clusterId],
    staleTime: 0, // others change it: read it afresh each time the page shows it
    queryFn: async () => unwrap(await api.GET("/exchanges", { params: { query: { state, limit: 100 } } })),
    select: (list) => list.filter(keep),
  });
}

function Item({ e, children }: { e: Exchange; children: ReactNode }) {
  const { t, formatDate } = useI18n();
  const headingId = `queue-exchange-${e.id}`;
  const period = t("exchange.period", { first: formatDate(calendarDate(e.first_day)), last: formatDate(calendarDate(e.last_day)) });
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={`/exchange/${e.id}`}>{t("exchange.queue.item", { period })}</Link>
      </h3>
      <p>
        {t("exchange.visitor")}: <PartyText party={e.visitor} /> — {t("exchange.host")}: <PartyText party={e.host} />
      </p>
      {children}
    </li>
  );
}

function Buttons({ e, steps, announce, withComments }: { e: Exchange; steps: Step[]; announce: (m: string) => void; withComments?: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [comments, setComments] = useState("");
  const [sendingBack, setSendingBack] = useState(false);
  const act = useMutation({
    mutationFn: (step: Step) => decide(e, step, comments.trim()),
    onSuccess: (_, step) => {
      announce(t(`exchange.queue.done.${step}` as MessageKey));
      void queryClient.invalidateQueries({ queryKey: ["exchange", "exchanges"] });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: ["exchange", "exchanges"] }),
  });
  return (
    <>
      {act.isError && (
        <p role="alert" className="error">
          {act.error.message}
        </p>
      )}
      {sendingBack ? (
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            if (comments.trim()) act.mutate("sendBack");
          }}
        >
          <label>
            {t("exchange.field.comments")} <textarea required maxLength={4000} value={comments} onChange={(ev) => setComments(ev.target.value)} />
          </label>
          <button type="submit" disabled={act.isPending}>
            {t("exchange.confirm.sendBack")}
          </button>{" "}
          <button type="button" onClick={() => setSendingBack(false)}>
            {t("exchange.actions.close")}
          </button>
        </form>
      ) : (
        <p className="action-buttons">
          {steps.map((step) => (
            <button key={step} type="button" disabled={act.isPending} onClick={() => act.mutate(step)}>
              {t(`exchange.queue.${step}` as MessageKey)}
            </button>
          ))}
          {withComments && (
            <button type="button" onClick={() => setSendingBack(true)}>
              {t("exchange.action.sendBack")}
            </button>
          )}
        </p>
      )}
    </>
  );
}

function Section({ id, title, empty, query, render }: {
  id: string;
  title: MessageKey;
  empty: MessageKey;
  query: ReturnType<typeof useExchanges>;
  render: (e: Exchange) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t(title)}</h2>
      {query.isPending && <p role="status">{t("common.loading")}</p>}
      {query.isError && <p role="alert">{t("common.error", { message: query.error.message })}</p>}
      {query.data && (query.data.length === 0 ? <p>{t(empty)}</p> : <ul className="cards">{query.data.map(render)}</ul>)}
    </section>
  );
}

export function ApprovalsSection({ clusterId, announce }: QueueSectionProps) {
  const { t, formatNumber } = useI18n();
  const query = useExchanges("commitment_agreed", clusterId, (e) => e.visitor.cluster_id === clusterId);
  return (
    <Section
      id="exchange-approvals"
      title="exchange.queue.approvals"
      empty="exchange.queue.noApprovals"
      query={query}
      render={(e) => (
        <Item key={e.id} e={e}>
          <p>
            {e.lump_sum.amount_eur === null
              ? t("exchange.lumpSum.distanceMissing")
              : t("exchange.queue.lumpSum", { amount: formatNumber(Number(e.lump_sum.amount_eur), { style: "currency", currency: "EUR" }) })}
          </p>
          {e.lump_sum.amount_eur !== null && <Buttons e={e} steps={["approve"]} announce={announce} />}
        </Item>
      )}
    />
  );
}

export function SignaturesSection({ clusterId, announce }: QueueSectionProps) {
  const ours = (e: Exchange): Signatory[] =>
    e.missing_signatures.filter(
      (s) => (s === "visitor_cluster" && e.visitor.cluster_id === clusterId) || (s === "host_cluster" && e.host.cluster_id === clusterId),
    );
  const query = useExchanges("accepted", clusterId, (e) => e.commitment !== null && ours(e).length > 0);
  return (
    <Section
      id="exchange-signatures"
      title="exchange.queue.signatures"
      empty="exchange.queue.noSignatures"
      query={query}
      render={(e) => (
        <Item key={e.id} e={e}>
          <Buttons e={e} steps={ours(e)} announce={announce} />
        </Item>
      )}
    />
  );
}

export function ReportsSection({ clusterId, announce }: QueueSectionProps) {
  const { t } = useI18n();
  const query = useExchanges("report_submitted", clusterId, (e) => e.visitor.cluster_id === clusterId);
  return (
    <Section
      id="exchange-reports"
      title="exchange.queue.reports"
      empty="exchange.queue.noReports"
      query={query}
      render={(e) => (
        <Item key={e.id} e={e}>
          {e.report && (
            <>
              <p>
                <strong>{t("exchange.field.summary")}:</strong> {e.report.summary}
              </p>
              <p>
                <strong>{t("exchange.field.lessons")}:</strong> {e.report.lessons_learned}
              </p>
            </>
          )}
          <EvidenceList exchangeId={e.id} />
          <Buttons e={e} steps={["validate"]} announce={announce} withComments />
        </Item>
      )}
    />
  );
}

export function PaymentsSection({ clusterId, announce }: QueueSectionProps) {
  const { t, formatDate, formatNumber } = useI18n();
  const query = useExchanges("completed", clusterId, (e) => e.visitor.cluster_id === clusterId);
  const now = today();
  return (
    <Section
      id="exchange-payments"
      title="exchange.queue.payments"
      empty="exchange.queue.noPayments"
      query={query}
      render={(e) => {
        const overdue = e.payment_due !== null && e.payment_due < now;
        return (
          <Item key={e.id} e={e}>
            <p className={overdue ? "overdue" : undefined}>
              {e.lump_sum.amount_eur && formatNumber(Number(e.lump_sum.amount_eur), { style: "currency", currency: "EUR" })}
              {e.payment_due &&
                ` · ${t(overdue ? "exchange.queue.overdue" : "exchange.queue.due", { date: formatDate(calendarDate(e.payment_due)) })}`}
            </p>
            <Buttons e={e} steps={["pay"]} announce={announce} />
          </Item>
        );
      }}
    />
  );
}

export const queueSections: QueueSection[] = [
  { id: "exchange-approvals", Component: ApprovalsSection },
  { id: "exchange-signatures", Component: SignaturesSection },
  { id: "exchange-reports", Component: ReportsSection },
  { id: "exchange-payments", Component: PaymentsSection },
];
