// Every action the caller may take on an exchange now, in place: buttons for the one-click steps,
// small forms for the steps that need words (a reason, comments, the commitment, the report).
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { exchange as api, problemMessage } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { Field } from "../../components/Field";
import { useI18n } from "../../i18n/I18nProvider";
import { EvidenceUpload } from "./Evidence";
import { actionsFor, calendarDate, signable, standing, today, type Action, type Exchange, type Signatory } from "./model";

type Result = { data?: Exchange; error?: unknown; response: Response };
type Send = (path: { params: { path: { exchange_id: string } } }) => Promise<Result>;

/** The one-click steps: no body. */
const CLICKS: Partial<Record<Action, Send>> = {
  accept: (p) => api.POST("/exchanges/{exchange_id}/acceptance", p),
  approve: (p) => api.POST("/exchanges/{exchange_id}/approval", p),
  start: (p) => api.POST("/exchanges/{exchange_id}/start", p),
  validate: (p) => api.POST("/exchanges/{exchange_id}/validation", p),
  pay: (p) => api.POST("/exchanges/{exchange_id}/payment", p),
};

function daysOf(first: string, last: string): string[] {
  const days: string[] = [];
  const end = calendarDate(last);
  for (let d = calendarDate(first); d <= end && days.length < 31; d.setDate(d.getDate() + 1)) days.push(today(d));
  return days;
}
const lines = (text: string) => text.split("\n").map((s) => s.trim()).filter(Boolean);

export function ExchangeActions({ exchange: e, onChanged }: { exchange: Exchange; onChanged: (next: Exchange | null, message: string) => void }) {
  const { t, formatDate } = useI18n();
  const { token } = useAuth();
  const [open, setOpen] = useState<Action | null>(null);
  const [text, setText] = useState({ reason: "", comments: "", feedback: "", summary: "", lessons: "", km: "" });
  const [share, setShare] = useState(false);
  const [commitment, setCommitment] = useState(() => ({
    goals: e.commitment?.goals.join("\n") ?? "",
    results: e.commitment?.expected_results.join("\n") ?? "",
    first_day: e.commitment?.first_day ?? e.first_day,
    last_day: e.commitment?.last_day ?? e.last_day,
    agenda: Object.fromEntries((e.commitment?.agenda ?? []).map((d) => [d.day, d.activities])) as Record<string, string>,
  }));
  const path = { params: { path: { exchange_id: e.id } } };
  const act = useMutation({
    mutationFn: async (step: { action: Action; signatory?: Signatory }): Promise<Exchange> => {
      const { data, error } = await send(step);
      if (!data) throw new Error(problemMessage(error));
      return data;
    },
    onSuccess: (data, { action, signatory }) => {
      setOpen(null);
      const done = signatory ? t("exchange.done.sign", { who: t(`exchange.signatory.${signatory}`) }) : t(`exchange.done.${action}`);
      onChanged(data, done);
    },
  });
  async function send({ action, signatory }: { action: Action; signatory?: Signatory }): Promise<Result> {
      const click = CLICKS[action];
      if (click) return click(path);
      switch (action) {
        case "decline":
          return api.POST("/exchanges/{exchange_id}/decline", { ...path, body: { reason: text.reason.trim() || null } });
        case "cancel":
          return api.POST("/exchanges/{exchange_id}/cancellation", { ...path, body: { reason: text.reason.trim() } });
        case "sendBack":
          return api.POST("/exchanges/{exchange_id}/send-back", { ...path, body: { comments: text.comments.trim() } });
        case "feedback":
          return api.POST("/exchanges/{exchange_id}/host-feedback", { ...path, body: { text: text.feedback.trim() } });
        case "distance":
          return api.PUT("/exchanges/{exchange_id}/distance", { ...path, body: { km: text.km } });
        case "sign":
          return api.POST("/exchanges/{exchange_id}/signatures", { ...path, body: { signatory: signatory! } });
        case "report":
          return api.POST("/exchanges/{exchange_id}/report", {
            ...path,
            body: { summary: text.summary.trim(), lessons_learned: text.lessons.trim(), share_summary: share },
          });
        case "commitment":
          return api.PUT("/exchanges/{exchange_id}/commitment", {
            ...path,
            body: {
              goals: lines(commitment.goals),
              expected_results: lines(commitment.results),
              first_day: commitment.first_day,
              last_day: commitment.last_day,
              agenda: daysOf(commitment.first_day, commitment.last_day)
                .filter((day) => commitment.agenda[day]?.trim())
                .map((day) => ({ day, activities: (commitment.agenda[day] ?? "").trim() })),
            },
          });
        default:
          throw new Error(action);
      }
  }
  const [failure, setFailure] = useState("");
  const run = (action: Action, signatory?: Signatory) => {
    setFailure("");
    act.mutate(
      { action, signatory },
      {
        // Refused (someone else, or the programme's clock, was quicker): say why and re-read it.
        onError: (err) => {
          setFailure(err.message);
          onChanged(null, "");
        },
      },
    );
  };
  const actions = actionsFor(token, e);
  const who = standing(token, e);
  if (actions.length === 0) return <p>{t("exchange.actions.none")}</p>;

  const form = (action: Action, body: ReactNode, ready: boolean) => (
    <form
      className="form card"
      aria-label={t(`exchange.action.${action}`)}
      onSubmit={(ev: FormEvent) => {
        ev.preventDefault();
        if (ready) run(action);
      }}
    >
      {body}
      <p>
        <button type="submit" disabled={act.isPending || !ready}>
          {t(`exchange.confirm.${action}`)}
        </button>{" "}
        <button type="button" onClick={() => setOpen(null)}>
          {t("exchange.actions.close")}
        </button>
      </p>
    </form>
  );
  const textField = (key: keyof typeof text, label: string, required = true) => (
    <Field label={label}>
      <textarea required={required} maxLength={4000} value={text[key]} onChange={(ev) => setText({ ...text, [key]: ev.target.value })} />
    </Field>
  );

  return (
    <div className="exchange-actions">
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      <p className="action-buttons">
        {actions.map((action) => {
          if (action === "evidence") return null;
          if (action === "sign")
            return signable(who, e).map((s) => (
              <button key={s} type="button" disabled={act.isPending} onClick={() => run("sign", s)}>
                {t(`exchange.sign.${s}`)}
              </button>
            ));
          if (CLICKS[action])
            return (
              <button key={action} type="button" disabled={act.isPending} onClick={() => run(action)}>
                {t(`exchange.action.${action}`)}
              </button>
            );
          return (
            <button key={action} type="button" aria-expanded={open === action} onClick={() => setOpen(open === action ? null : action)}>
              {t(`exchange.action.${action}`)}
            </button>
          );
        })}
      </p>
      {open === "decline" && form("decline", textField("reason", t("exchange.field.declineReason"), false), true)}
      {open === "cancel" && form("cancel", textField("reason", t("exchange.field.cancelReason")), Boolean(text.reason.trim()))}
      {open === "sendBack" && form("sendBack", textField("comments", t("exchange.field.comments")), Boolean(text.comments.trim()))}
      {open === "feedback" && form("feedback", textField("feedback", t("exchange.field.feedback")), Boolean(text.feedback.trim()))}
      {open === "distance" &&
        form(
          "distance",
          <Field label={t("exchange.field.km")}>
            <input inputMode="decimal" value={text.km} onChange={(ev) => setText({ ...text, km: ev.target.value })} />
          </Field>,
          Number(text.km) > 0,
        )}
      {open === "report" &&
        form(
          "report",
          <>
            {textField("summary", t("exchange.field.summary"))}
            {textField("lessons", t("exchange.field.lessons"))}
            <label className="check">
              <input type="checkbox" checked={share} onChange={(ev) => setShare(ev.target.checked)} /> {t("exchange.field.share")}
            </label>
          </>,
          Boolean(text.summary.trim() && text.lessons.trim()),
        )}
      {open === "commitment" &&
        form(
          "commitment",
          <>
            {e.commitment && <p className="muted">{t("exchange.commitment.clears")}</p>}
            <Field label={t("exchange.field.goals")}>
              <textarea value={commitment.goals} onChange={(ev) => setCommitment({ ...commitment, goals: ev.target.value })} />
            </Field>
            <Field label={t("exchange.field.results")}>
              <textarea value={commitment.results} onChange={(ev) => setCommitment({ ...commitment, results: ev.target.value })} />
            </Field>
            <Field label={t("exchange.firstDay")}>
              <input type="date" value={commitment.first_day} onChange={(ev) => setCommitment({ ...commitment, first_day: ev.target.value })} />
            </Field>
            <Field label={t("exchange.lastDay")}>
              <input type="date" value={commitment.last_day} onChange={(ev) => setCommitment({ ...commitment, last_day: ev.target.value })} />
            </Field>
            <fieldset>
              <legend>{t("exchange.commitment.agenda")}</legend>
              {commitment.first_day &&
                commitment.last_day &&
                daysOf(commitment.first_day, commitment.last_day).map((day) => (
                  <Field key={day} label={t("exchange.field.agendaDay", { day: formatDate(calendarDate(day)) })}>
                    <input
                      value={commitment.agenda[day] ?? ""}
                      onChange={(ev) => setCommitment({ ...commitment, agenda: { ...commitment.agenda, [day]: ev.target.value } })}
                    />
                  </Field>
                ))}
            </fieldset>
          </>,
          lines(commitment.goals).length > 0 && lines(commitment.results).length > 0 && Boolean(commitment.first_day && commitment.last_day),
        )}
      {actions.includes("evidence") && <EvidenceUpload exchangeId={e.id} />}
    </div>
  );
}
