import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { exchange, problemMessage } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { Field } from "../../components/Field";
import { QueryState } from "../../components/QueryState";
import type { MessageKey } from "../../i18n/catalogue";
import { en } from "../../i18n/catalogue";
import { useI18n } from "../../i18n/I18nProvider";
import { ACTIVITY_KINDS, currentProgramme, isActivityKind, refusalsOf, useProgrammes, type ActivityKind, type Offer } from "./model";

/** A refused request: the problem's sentence and, for `not-eligible`, every failing rule. */
class Refused extends Error {
  constructor(
    message: string,
    readonly refusals: { code: string; reason: string }[],
  ) {
    super(message);
  }
}

export function RequestForm({ offer, firstDay = "", lastDay = "" }: { offer: Offer; firstDay?: string; lastDay?: string }) {
  const { t } = useI18n();
  const { token } = useAuth();
  const navigate = useNavigate();
  const programmes = useProgrammes();
  const [programmeId, setProgrammeId] = useState("");
  const [form, setForm] = useState({
    first_day: firstDay,
    last_day: lastDay,
    activity_kind: (offer.activity_kinds[0] ?? "knowledge_sharing") as ActivityKind,
    message: "",
  });
  const [missing, setMissing] = useState(false);
  const request = useMutation({
    mutationFn: async (programme: string) => {
      const { data, error } = await exchange.POST("/programmes/{programme_id}/exchanges", {
        params: { path: { programme_id: programme } },
        body: {
          visitor_organisation_id: token!.organisation_id!,
          host_organisation_id: offer.host_organisation_id,
          hosting_offer_id: offer.id,
          first_day: form.first_day,
          last_day: form.last_day,
          activity_kind: form.activity_kind,
          message: form.message.trim() || null,
        },
      });
      if (!data) throw new Refused(problemMessage(error), refusalsOf(error));
      return data;
    },
    onSuccess: (created) => void navigate(`/exchange/${created.id}`),
  });
  if (!token?.organisation_id) return <p>{t("exchange.request.membersOnly")}</p>;
  const ruleText = (code: string, reason: string) => {
    const key = `exchange.rule.${code}`;
    return Object.hasOwn(en, key) ? t(key as MessageKey) : reason;
  };
  return (
    <QueryState query={programmes}>
      {(list) => {
        const chosen = programmeId || currentProgramme(list)?.id || "";
        const submit = (event: FormEvent) => {
          event.preventDefault();
          const incomplete = !chosen || !form.first_day || !form.last_day;
          setMissing(incomplete);
          if (!incomplete) request.mutate(chosen);
        };
        return (
          <form className="form" noValidate onSubmit={submit} aria-label={t("exchange.request.title", { host: offer.host_name })}>
            {missing && (
              <p role="alert" className="error">
                {t("exchange.request.missing")}
              </p>
            )}
            {request.error && (
              <div role="alert" className="error">
                {request.error instanceof Refused && request.error.refusals.length > 0 ? (
                  <>
                    <p>{t("exchange.request.notEligible")}</p>
                    <ul>
                      {request.error.refusals.map((r) => (
                        <li key={r.code}>{ruleText(r.code, r.reason)}</li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p>{request.error.message}</p>
                )}
              </div>
            )}
            {list.length > 1 ? (
              <Field label={t("exchange.request.programme")}>
                <select value={chosen} onChange={(e) => setProgrammeId(e.target.value)}>
                  {list.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </Field>
            ) : (
              <p>{t("exchange.request.programmeIs", { name: list[0]?.name ?? "—" })}</p>
            )}
            <Field label={t("exchange.firstDay")}>
              <input type="date" required value={form.first_day} onChange={(e) => setForm({ ...form, first_day: e.target.value })} />
            </Field>
            <Field label={t("exchange.lastDay")}>
              <input type="date" required value={form.last_day} onChange={(e) => setForm({ ...form, last_day: e.target.value })} />
            </Field>
            <Field label={t("exchange.activityKind")}>
              <select
                value={form.activity_kind}
                onChange={(e) => isActivityKind(e.target.value) && setForm({ ...form, activity_kind: e.target.value })}
              >
                {ACTIVITY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`exchange.kind.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("exchange.request.message")}>
              <textarea maxLength={2000} value={form.message} onChange={(e) => setForm({ ...form, message: e.target.value })} />
            </Field>
            <button type="submit" disabled={request.isPending}>
              {request.isPending ? t("form.sending") : t("exchange.request.submit")}
            </button>
          </form>
        );
      }}
    </QueryState>
  );
}
