import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { membership, notifications, unwrap } from "../../api/clients";
import type { components } from "../../api/notifications";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { Restricted, isAdmin } from "./access";
import { Deliveries } from "./Deliveries";
import { PartnerRegistration } from "./PartnerRegistration";

type Subscription = components["schemas"]["SubscriptionPublic"];

function SubscriptionItem({
  subscription,
  clientName,
  announce,
}: {
  subscription: Subscription;
  clientName: string;
  announce: (message: string) => void;
}) {
  const { t, formatDate } = useI18n();
  const [open, setOpen] = useState(false);
  const headingId = `subscription-${subscription.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{subscription.target_url}</h3>
      <p>
        {clientName} · {t(subscription.status === "active" ? "webhooks.active" : "webhooks.disabled")} · {subscription.contact_email} ·{" "}
        {t("webhooks.subscribedOn", { date: formatDate(subscription.created_at) })}
      </p>
      {subscription.disabled_reason && <p className="error">{subscription.disabled_reason}</p>}
      <p className="muted">{subscription.event_types.join(", ")}</p>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t(open ? "webhooks.hideLog" : "webhooks.showLog")}
      </button>
      {open && <Deliveries subscriptionId={subscription.id} announce={announce} />}
    </li>
  );
}

export default function PartnersPage() {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState("");
  const clients = useQuery({
    queryKey: ["membership", "clients"],
    queryFn: async () => unwrap(await membership.GET("/clients", { params: { query: { limit: 100 } } })),
  });
  const subscriptions = useQuery({
    queryKey: ["notifications", "subscriptions"],
    queryFn: async () => unwrap(await notifications.GET("/webhooks/subscriptions", { params: { query: { limit: 100 } } })),
  });
  const names = new Map((clients.data ?? []).map((c) => [c.id, c.name]));
  return (
    <Restricted title="partners.title" allowed={isAdmin} notice="admin.onlyAdministrators">
      <p role="status" className="announcement">
        {announcement}
      </p>
      <section aria-labelledby="register-heading">
        <h2 id="register-heading">{t("partners.new")}</h2>
        <PartnerRegistration
          onRegistered={(name) => {
            setAnnouncement(t("partners.registered", { name }));
            void queryClient.invalidateQueries({ queryKey: ["membership", "clients"] });
          }}
        />
      </section>
      <section aria-labelledby="clients-heading">
        <h2 id="clients-heading">{t("partners.list")}</h2>
        <QueryState query={clients}>
          {(list) =>
            list.length === 0 ? (
              <p>{t("partners.empty")}</p>
            ) : (
              <table className="list">
                <caption className="visually-hidden">{t("partners.list")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("partners.name")}</th>
                    <th scope="col">{t("partners.scopes")}</th>
                    <th scope="col">{t("partners.registeredOn")}</th>
                    <th scope="col">{t("partners.clientId")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{c.name}</th>
                      <td>{c.scopes.join(", ") || t("partners.noScopes")}</td>
                      <td>
                        {formatDate(c.created_at)}
                        {c.revoked_at && ` · ${t("partners.revoked")}`}
                      </td>
                      <td>
                        <code>{c.id}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryState>
      </section>
      <section aria-labelledby="subscriptions-heading">
        <h2 id="subscriptions-heading">{t("webhooks.title")}</h2>
        <QueryState query={subscriptions}>
          {(list) =>
            list.length === 0 ? (
              <p>{t("webhooks.empty")}</p>
            ) : (
              <ul className="cards">
                {list.map((s) => (
                  <SubscriptionItem key={s.id} subscription={s} clientName={names.get(s.client_id) ?? s.client_id} announce={setAnnouncement} />
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
    </Restricted>
  );
}
