import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { notifications, problemMessage, unwrap } from "../../api/clients";
import type { components } from "../../api/notifications";
import { Field } from "../../components/Field";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";

type Delivery = components["schemas"]["DeliveryPublic"];
const PAGE = 20;

/** One delivery's attempts: number, time, outcome, response code, latency. */
function Attempts({ deliveryId }: { deliveryId: string }) {
  const { t, formatDate, formatNumber } = useI18n();
  const detail = useQuery({
    queryKey: ["notifications", "delivery", deliveryId],
    queryFn: async () =>
      unwrap(await notifications.GET("/webhooks/deliveries/{delivery_id}", { params: { path: { delivery_id: deliveryId } } })),
  });
  return (
    <QueryState query={detail}>
      {(delivery) =>
        delivery.log.length === 0 ? (
          <p>{t("webhooks.noAttempts")}</p>
        ) : (
          <table className="list">
            <caption>{t("webhooks.attemptsOf", { type: delivery.event_type })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("webhooks.attempt")}</th>
                <th scope="col">{t("webhooks.at")}</th>
                <th scope="col">{t("webhooks.outcome")}</th>
                <th scope="col">{t("webhooks.responseCode")}</th>
                <th scope="col">{t("webhooks.latency")}</th>
              </tr>
            </thead>
            <tbody>
              {delivery.log.map((a) => (
                <tr key={a.number}>
                  <th scope="row">{formatNumber(a.number)}</th>
                  <td>{formatDate(a.at)}</td>
                  <td>{a.succeeded ? t("webhooks.succeeded") : `${t("webhooks.failed")}${a.error ? ` (${a.error})` : ""}`}</td>
                  <td>{a.response_code ?? "—"}</td>
                  <td>{t("webhooks.milliseconds", { ms: formatNumber(Math.round(a.latency_ms)) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    </QueryState>
  );
}

function DeliveryRow({ delivery, announce }: { delivery: Delivery; announce: (message: string) => void }) {
  const { t, formatDate, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const replay = useMutation({
    mutationFn: async () => {
      const { response, error } = await notifications.POST("/webhooks/deliveries/{delivery_id}/replay", {
        params: { path: { delivery_id: delivery.id } },
      });
      if (!response.ok) throw new Error(problemMessage(error));
    },
    onSuccess: () => {
      announce(t("webhooks.replayedOne", { type: delivery.event_type }));
      void queryClient.invalidateQueries({ queryKey: ["notifications", "deliveries", delivery.subscription_id] });
      void queryClient.invalidateQueries({ queryKey: ["notifications", "delivery", delivery.id] });
    },
  });
  return (
    <>
      <tr>
        <th scope="row">{delivery.event_type}</th>
        <td>{formatDate(delivery.created_at)}</td>
        <td>{t(`webhooks.status.${delivery.status}`)}</td>
        <td>{formatNumber(delivery.attempts)}</td>
        <td>{delivery.last_response_code ?? "—"}</td>
        <td>
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t(open ? "webhooks.hideAttempts" : "webhooks.showAttempts")}
          </button>{" "}
          <button type="button" disabled={replay.isPending} onClick={() => replay.mutate()}>
            {t("webhooks.replay")}
          </button>
          {replay.isError && (
            <p role="alert" className="error">
              {replay.error.message}
            </p>
          )}
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={6}>
            <Attempts deliveryId={delivery.id} />
          </td>
        </tr>
      )}
    </>
  );
}

/** A subscription's delivery log, newest first, and replaying deliveries from a point in time. */
export function Deliveries({ subscriptionId, announce }: { subscriptionId: string; announce: (message: string) => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [offset, setOffset] = useState(0);
  const [since, setSince] = useState("");
  const [sinceMissing, setSinceMissing] = useState(false);
  const deliveries = useQuery({
    queryKey: ["notifications", "deliveries", subscriptionId, offset],
    queryFn: async () =>
      unwrap(
        await notifications.GET("/webhooks/subscriptions/{subscription_id}/deliveries", {
          params: { path: { subscription_id: subscriptionId }, query: { limit: PAGE, offset } },
        }),
      ),
  });
  const replaySince = useMutation({
    mutationFn: async (from: string) => {
      const { data, error } = await notifications.POST("/webhooks/subscriptions/{subscription_id}/replay", {
        params: { path: { subscription_id: subscriptionId } },
        // The input is in the reader's local time; the service takes an instant.
        body: { since: new Date(from).toISOString() },
      });
      if (!data) throw new Error(problemMessage(error));
      return data.scheduled;
    },
    onSuccess: (scheduled) => {
      announce(t("webhooks.replayedSince", { count: scheduled }));
      void queryClient.invalidateQueries({ queryKey: ["notifications", "deliveries", subscriptionId] });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setSinceMissing(!since);
    if (since) replaySince.mutate(since);
  }
  return (
    <div className="deliveries">
      <QueryState query={deliveries}>
        {(list) =>
          list.length === 0 && offset === 0 ? (
            <p>{t("webhooks.noDeliveries")}</p>
          ) : (
            <>
              <table className="list">
                <caption>{t("webhooks.deliveries")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("webhooks.eventType")}</th>
                    <th scope="col">{t("webhooks.happened")}</th>
                    <th scope="col">{t("webhooks.statusHeading")}</th>
                    <th scope="col">{t("webhooks.attempts")}</th>
                    <th scope="col">{t("webhooks.lastCode")}</th>
                    <th scope="col">{t("webhooks.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((d) => (
                    <DeliveryRow key={d.id} delivery={d} announce={announce} />
                  ))}
                </tbody>
              </table>
              <p className="pager">
                <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                  {t("common.previous")}
                </button>
                <button type="button" disabled={list.length < PAGE} onClick={() => setOffset(offset + PAGE)}>
                  {t("common.next")}
                </button>
              </p>
            </>
          )
        }
      </QueryState>
      <form className="filters" noValidate onSubmit={submit}>
        <Field label={t("webhooks.since")} problem={sinceMissing ? { key: "form.required" } : undefined}>
          <input type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} />
        </Field>
        <button type="submit" disabled={replaySince.isPending}>
          {t("webhooks.replaySince")}
        </button>
        {replaySince.isError && (
          <p role="alert" className="error">
            {replaySince.error.message}
          </p>
        )}
      </form>
    </div>
  );
}
