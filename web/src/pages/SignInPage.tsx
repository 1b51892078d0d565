import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { useAuth } from "../auth/AuthProvider";
import { Field } from "../components/Field";
import { checkSignIn, hasProblems, type Problems, type SignInForm } from "../forms/validate";
import { useI18n } from "../i18n/I18nProvider";

export default function SignInPage() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [form, setForm] = useState<SignInForm>({ email: "", password: "" });
  const [problems, setProblems] = useState<Problems<keyof SignInForm>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkSignIn(form);
    setProblems(found);
    setFailure(null);
    if (hasProblems(found)) return;
    setSending(true);
    try {
      await signIn({ email: form.email.trim(), password: form.password });
      navigate("/");
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <h1>{t("auth.signInTitle")}</h1>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {failure && <p role="alert" className="error">{failure}</p>}
        <Field label={t("auth.email")} problem={problems.email}>
          <input type="email" autoComplete="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        </Field>
        <Field label={t("auth.password")} problem={problems.password}>
          <input
            type="password"
            autoComplete="current-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        </Field>
        <button type="submit" disabled={sending}>
          {sending ? t("form.sending") : t("auth.signInSubmit")}
        </button>
        <p>
          <Link to="/sign-up">{t("auth.noAccount")}</Link>
        </p>
      </form>
    </>
  );
}
