import { useId, type ReactElement } from "react";
import type { Problem } from "../forms/validate";
import { useI18n } from "../i18n/I18nProvider";
import { cloneElement } from "react";

/** A labelled control with its error announced and tied to it (aria-describedby). */
export function Field({ label, problem, children }: { label: string; problem?: Problem; children: ReactElement }) {
  const { t } = useI18n();
  const id = useId();
  const errorId = `${id}-error`;
  const control = cloneElement(children as ReactElement<Record<string, unknown>>, {
    id,
    "aria-invalid": problem ? true : undefined,
    "aria-describedby": problem ? errorId : undefined,
  });
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control}
      {problem && (
        <p className="error" id={errorId}>
          {t(problem.key, problem.values)}
        </p>
      )}
    </div>
  );
}
