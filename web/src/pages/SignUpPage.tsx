import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useAuth } from "../auth/AuthProvider";
import { Field } from "../components/Field";
import { PASSWORD_MIN, checkSignUp, hasProblems, type Problems, type SignUpForm } from "../forms/validate";
import { LANGUAGES, isLanguage, useI18n, type Language } from "../i18n/I18nProvider";

export default function SignUpPage() {
  const { t, language, setLanguage } = useI18n();
  const { signUp } = useAuth();
  const navigate = useNavigate();
  // An invitation link (`/sign-up?invitation=…`) fills the code in.
  const [search] = useSearchParams();
  const [invitation, setInvitation] = useState(search.get("invitation") ?? "");
  const [form, setForm] = useState<SignUpForm>({ email: "", password: "", display_name: "" });
  const [preferred, setPreferred] = useState<Language>(language);
  const [problems, setProblems] = useState<Problems<keyof SignUpForm>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkSignUp(form);
    setProblems(found);
    setFailure(null);
    if (hasProblems(found)) return;
    setSending(true);
    try {
      const code = invitation.trim();
      await signUp({
        ...form,
        email: form.email.trim(),
        display_name: form.display_name.trim(),
        language: preferred,
        ...(code ? { invitation_token: code } : {}),
      });
      setLanguage(preferred);
      // An invited person already has their role; anyone else applies for an organisation next.
      navigate(code ? "/" : "/apply");
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <h1>{t("auth.signUpTitle")}</h1>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {failure && <p role="alert" className="error">{failure}</p>}
        <Field label={t("auth.displayName")} problem={problems.display_name}>
          <input autoComplete="name" value={form.display_name} onChange={(e) => setForm({ ...form, display_name: e.target.value })} />
        </Field>
        <Field label={t("auth.email")} problem={problems.email}>
          <input type="email" autoComplete="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        </Field>
        <Field label={t("auth.password")} problem={problems.password}>
          <input
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        </Field>
        <Field label={t("auth.language")}>
          <select value={preferred} onChange={(e) => isLanguage(e.target.value) && setPreferred(e.target.value)}>
            {Object.entries(LANGUAGES).map(([code, name]) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("auth.invitation")}>
          <input autoComplete="off" value={invitation} onChange={(e) => setInvitation(e.target.value)} />
        </Field>
        <button type="submit" disabled={sending}>
          {sending ? t("form.sending") : t("auth.signUpSubmit")}
        </button>
        <p>
          <Link to="/sign-in">{t("auth.haveAccount")}</Link>
        </p>
      </form>
    </>
  );
}
