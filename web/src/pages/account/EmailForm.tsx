// A new e-mail address: membership sends a link to it, and the account keeps the current address
// (for signing in and for mail) until the link is opened.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { membership } from "../../api/clients";
import { Field } from "../../components/Field";
import { checkEmail, type Problem } from "../../forms/validate";
import { useI18n } from "../../i18n/I18nProvider";
import { readableProblem } from "./problems";

export function EmailForm({ current }: { current: string }) {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<{ email?: Problem; password?: Problem }>({});
  const change = useMutation({
    mutationFn: async (address: string) => {
      const { error, response } = await membership.PUT("/people/me/email", {
        body: { email: address, current_password: password },
      });
      if (!response.ok) throw new Error(readableProblem(error, t));
      return address;
    },
    onSuccess: () => {
      setEmail("");
      setPassword("");
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    const found = {
      email: checkEmail(address),
      password: password ? undefined : ({ key: "form.required" } as Problem),
    };
    setProblems(found);
    if (!found.email && !found.password) change.mutate(address);
  }
  return (
    <section aria-labelledby="email-heading">
      <h2 id="email-heading">{t("me.email")}</h2>
      <p>{t("me.emailCurrent", { email: current })}</p>
      <form className="form" noValidate onSubmit={submit}>
        {change.isError && (
          <p role="alert" className="error">
            {change.error.message}
          </p>
        )}
        {change.isSuccess && <p role="status">{t("me.emailLinkSent", { email: change.data })}</p>}
        <Field label={t("me.newEmail")} problem={problems.email}>
          <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label={t("me.emailPassword")} problem={problems.password}>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <p>
          <button type="submit" disabled={change.isPending}>
            {t("me.changeEmail")}
          </button>
        </p>
      </form>
    </section>
  );
}
