import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { membership, problemMessage } from "../../api/clients";
import type { components } from "../../api/membership";
import { Field } from "../../components/Field";
import { useI18n } from "../../i18n/I18nProvider";

type ClientCreated = components["schemas"]["ClientCreated"];
// The scope a partner system needs to subscribe to webhooks (docs/partners.md).
const EVENTS_SCOPE = "events:read";

/**
 * An administrator registers a partner system. Its secret is shown once, here, until the
 * administrator says it is stored: it is kept in this component only, never in the query cache,
 * and membership keeps only its hash.
 */
export function PartnerRegistration({ onRegistered }: { onRegistered: (name: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [events, setEvents] = useState(true);
  const [problem, setProblem] = useState(false);
  const [created, setCreated] = useState<{ name: string; client: ClientCreated } | null>(null);
  const register = useMutation({
    mutationFn: async (body: { name: string; scopes: string[] }) => {
      const { data, error } = await membership.POST("/clients", { body });
      if (!data) throw new Error(problemMessage(error));
      return { name: body.name, client: data };
    },
    onSuccess: (answer) => {
      setCreated(answer);
      setName("");
      onRegistered(answer.name);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    setProblem(!trimmed || trimmed.length > 100);
    if (trimmed && trimmed.length <= 100) register.mutate({ name: trimmed, scopes: events ? [EVENTS_SCOPE] : [] });
  }

  if (created)
    return (
      <div className="secret-once" role="region" aria-labelledby="secret-heading">
        <h3 id="secret-heading">{t("partners.registered", { name: created.name })}</h3>
        <p>{t("partners.secretOnce")}</p>
        <dl className="facts">
          <dt>{t("partners.clientId")}</dt>
          <dd>
            <code>{created.client.client_id}</code>
          </dd>
          <dt>{t("partners.clientSecret")}</dt>
          <dd>
            <code data-testid="client-secret">{created.client.client_secret}</code>
          </dd>
          <dt>{t("partners.scopes")}</dt>
          <dd>{created.client.scopes.join(", ") || t("partners.noScopes")}</dd>
        </dl>
        <button type="button" onClick={() => setCreated(null)}>
          {t("partners.secretStored")}
        </button>
      </div>
    );
  return (
    <form className="form" noValidate onSubmit={submit}>
      {register.isError && (
        <p role="alert" className="error">
          {register.error.message}
        </p>
      )}
      <Field label={t("partners.name")} problem={problem ? { key: name.trim() ? "form.tooLong" : "form.required", values: { max: 100 } } : undefined}>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={events} onChange={(e) => setEvents(e.target.checked)} /> {t("partners.eventsScope")}
      </label>
      <button type="submit" disabled={register.isPending}>
        {register.isPending ? t("form.sending") : t("partners.register")}
      </button>
    </form>
  );
}
