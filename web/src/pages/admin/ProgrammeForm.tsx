import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { exchange, problemMessage } from "../../api/clients";
import type { components } from "../../api/exchange";
import { Field } from "../../components/Field";
import { hasProblems, type Problems } from "../../forms/validate";
import { useI18n } from "../../i18n/I18nProvider";
import {
  EMPTY_PROGRAMME,
  QUOTA_CATEGORIES,
  checkProgramme,
  programmeBody,
  totalSlots,
  type ProgrammeForm as Form,
} from "./programmeForm";

type Programme = components["schemas"]["ProgrammePublic"];

/** An administrator opens a programme: its two windows, a quota per category and a lump-sum cap per host country. */
export function ProgrammeForm({ onCreated }: { onCreated: (programme: Programme) => void }) {
  const { t, formatNumber } = useI18n();
  const [form, setForm] = useState<Form>(EMPTY_PROGRAMME);
  const [problems, setProblems] = useState<Problems<string>>({});
  const create = useMutation({
    mutationFn: async (f: Form) => {
      const { data, error } = await exchange.POST("/programmes", { body: programmeBody(f) });
      if (!data) throw new Error(problemMessage(error));
      return data;
    },
    onSuccess: (programme) => {
      setForm(EMPTY_PROGRAMME);
      onCreated(programme);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkProgramme(form);
    setProblems(found);
    if (!hasProblems(found)) create.mutate(form);
  }
  const setCap = (index: number, change: Partial<Form["caps"][number]>) =>
    setForm({ ...form, caps: form.caps.map((cap, i) => (i === index ? { ...cap, ...change } : cap)) });
  const windowProblem = (key: "applicationWindow" | "activityWindow") =>
    problems[key] && (
      <p className="error" id={`${key}-error`}>
        {t(problems[key].key, problems[key].values)}
      </p>
    );

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="new-programme-heading">
      {hasProblems(problems) && (
        <p role="alert" className="error">
          {t("form.fixErrors")}
        </p>
      )}
      {create.isError && (
        <p role="alert" className="error">
          {create.error.message}
        </p>
      )}
      <Field label={t("programmes.name")} problem={problems.name}>
        <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </Field>
      {(["application", "activity"] as const).map((which) => (
        <fieldset key={which} aria-describedby={problems[`${which}Window`] ? `${which}Window-error` : undefined}>
          <legend>{t(which === "application" ? "programmes.applicationWindow" : "programmes.activityWindow")}</legend>
          <Field label={t("programmes.firstDay")}>
            <input type="date" value={form[`${which}First`]} onChange={(e) => setForm({ ...form, [`${which}First`]: e.target.value })} />
          </Field>
          <Field label={t("programmes.lastDay")}>
            <input type="date" value={form[`${which}Last`]} onChange={(e) => setForm({ ...form, [`${which}Last`]: e.target.value })} />
          </Field>
          {windowProblem(`${which}Window`)}
        </fieldset>
      ))}
      <fieldset>
        <legend>{t("programmes.quotas")}</legend>
        <p className="muted">{t("programmes.quotasHelp")}</p>
        {QUOTA_CATEGORIES.map((category) => (
          <Field key={category} label={t(`category.${category}`)} problem={problems[`quota.${category}`]}>
            <input
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={form.quotas[category]}
              onChange={(e) => setForm({ ...form, quotas: { ...form.quotas, [category]: e.target.value } })}
            />
          </Field>
        ))}
        <p role="status">{t("programmes.totalSlots", { count: formatNumber(totalSlots(form.quotas)) })}</p>
      </fieldset>
      <fieldset aria-describedby={problems.caps ? "caps-error" : undefined}>
        <legend>{t("programmes.caps")}</legend>
        <p className="muted">{t("programmes.capsHelp")}</p>
        {form.caps.map((cap, i) => (
          <div key={i} className="cap-row">
            <Field label={t("programmes.capCountry", { n: i + 1 })} problem={problems[`cap.${i}.country`]}>
              <input maxLength={2} value={cap.country} onChange={(e) => setCap(i, { country: e.target.value.toUpperCase() })} />
            </Field>
            <Field label={t("programmes.capAmount", { n: i + 1 })} problem={problems[`cap.${i}.amount`]}>
              <input inputMode="decimal" value={cap.amount} onChange={(e) => setCap(i, { amount: e.target.value })} />
            </Field>
            <button type="button" onClick={() => setForm({ ...form, caps: form.caps.filter((_, j) => j !== i) })}>
              {t("programmes.removeCap", { n: i + 1 })}
            </button>
          </div>
        ))}
        {problems.caps && (
          <p className="error" id="caps-error">
            {t(problems.caps.key)}
          </p>
        )}
        <button type="button" onClick={() => setForm({ ...form, caps: [...form.caps, { country: "", amount: "" }] })}>
          {t("programmes.addCap")}
        </button>
      </fieldset>
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? t("form.sending") : t("programmes.create")}
      </button>
    </form>
  );
}
