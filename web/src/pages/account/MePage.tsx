// The person's own account: their record, a new password, their data to download, every session
// ended, and erasure (after a confirmation: it cannot be undone).
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { membership, unwrap } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { session, type Token } from "../../auth/session";
import { Field } from "../../components/Field";
import { QueryState } from "../../components/QueryState";
import { PASSWORD_MIN, type Problem } from "../../forms/validate";
import { LANGUAGES, isLanguage, useI18n } from "../../i18n/I18nProvider";
import { EmailForm } from "./EmailForm";
import { meKey } from "./me";
import { SignInFirst } from "./SignInFirst";
import { readableProblem } from "./problems";
import { roleLabel } from "./roles";

function PasswordForm() {
  const { t } = useI18n();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [problems, setProblems] = useState<{ current?: Problem; next?: Problem }>({});
  const change = useMutation({
    mutationFn: async () => {
      const { error, response } = await membership.PUT("/people/me/password", {
        body: { current_password: current, new_password: next },
      });
      if (!response.ok) throw new Error(readableProblem(error, t));
    },
    onSuccess: () => {
      setCurrent("");
      setNext("");
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      current: current ? undefined : ({ key: "form.required" } as Problem),
      next: next.length >= PASSWORD_MIN ? undefined : ({ key: "form.passwordLength", values: { min: PASSWORD_MIN } } as Problem),
    };
    setProblems(found);
    if (!found.current && !found.next) change.mutate();
  }
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t("me.password")}</h2>
      <form className="form" noValidate onSubmit={submit}>
        {change.isError && (
          <p role="alert" className="error">
            {change.error.message}
          </p>
        )}
        {change.isSuccess && <p role="status">{t("me.passwordChanged")}</p>}
        <Field label={t("me.currentPassword")} problem={problems.current}>
          <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </Field>
        <Field label={t("me.newPassword")} problem={problems.next}>
          <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </Field>
        <p>
          <button type="submit" disabled={change.isPending}>
            {t("me.changePassword")}
          </button>
        </p>
      </form>
    </section>
  );
}

/** Saves what membership holds about the person as a JSON file (the browser's own download). */
function ExportData() {
  const { t } = useI18n();
  const download = useMutation({
    mutationFn: async () => {
      const { data, error } = await membership.GET("/people/me/export", { parseAs: "blob" });
      if (!data) throw new Error(readableProblem(error, t));
      const url = URL.createObjectURL(data);
      const link = document.createElement("a");
      link.href = url;
      link.download = "my-cloth-data.json";
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    },
  });
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{t("me.export")}</h2>
      <p>{t("me.exportIntro")}</p>
      {download.isError && (
        <p role="alert" className="error">
          {download.error.message}
        </p>
      )}
      {download.isSuccess && <p role="status">{t("me.exported")}</p>}
      <button type="button" disabled={download.isPending} onClick={() => download.mutate()}>
        {t("me.download")}
      </button>
    </section>
  );
}

function EndSessions() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const end = useMutation({
    mutationFn: async () => {
      const { error, response } = await membership.POST("/auth/sign-out-everywhere");
      if (!response.ok) throw new Error(readableProblem(error, t));
    },
    onSuccess: () => {
      session.end();
      void navigate("/sign-in");
    },
  });
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t("me.sessions")}</h2>
      <p>{t("me.sessionsIntro")}</p>
      {end.isError && (
        <p role="alert" className="error">
          {end.error.message}
        </p>
      )}
      <button type="button" disabled={end.isPending} onClick={() => end.mutate()}>
        {t("me.signOutEverywhere")}
      </button>
    </section>
  );
}

function Erase() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const erase = useMutation({
    mutationFn: async () => {
      const { error, response } = await membership.DELETE("/people/me");
      if (!response.ok) throw new Error(readableProblem(error, t));
    },
    onSuccess: () => {
      session.end();
      void navigate("/", { state: { erased: true } });
    },
  });
  return (
    <section aria-labelledby="erase-heading">
      <h2 id="erase-heading">{t("me.erase")}</h2>
      <p>{t("me.eraseIntro")}</p>
      {erase.isError && (
        <p role="alert" className="error">
          {erase.error.message}
        </p>
      )}
      {confirming ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (understood) erase.mutate();
          }}
        >
          <label className="check">
            <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} /> {t("me.eraseUnderstood")}
          </label>
          <button type="submit" disabled={!understood || erase.isPending}>
            {t("me.eraseConfirm")}
          </button>{" "}
          <button type="button" onClick={() => setConfirming(false)}>
            {t("org.cancel")}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t("me.eraseStart")}
        </button>
      )}
    </section>
  );
}

function Account({ token }: { token: Token }) {
  const { t, formatDate } = useI18n();
  const me = useQuery({
    queryKey: meKey(token.subject),
    queryFn: async () => unwrap(await membership.GET("/people/me")),
  });
  return (
    <>
      <h1>{t("me.title")}</h1>
      <QueryState query={me}>
        {(person) => (
          <dl className="profile">
            <div>
              <dt>{t("me.name")}</dt>
              <dd>{person.display_name}</dd>
            </div>
            <div>
              <dt>{t("people.email")}</dt>
              <dd>{person.email}</dd>
            </div>
            <div>
              <dt>{t("me.language")}</dt>
              <dd>{isLanguage(person.language) ? LANGUAGES[person.language] : person.language}</dd>
            </div>
            <div>
              <dt>{t("people.role")}</dt>
              <dd>{roleLabel(person.role, t)}</dd>
            </div>
            <div>
              <dt>{t("me.since")}</dt>
              <dd>{formatDate(person.created_at)}</dd>
            </div>
          </dl>
        )}
      </QueryState>
      {me.data?.email && <EmailForm current={me.data.email} />}
      <PasswordForm />
      <ExportData />
      <EndSessions />
      <Erase />
    </>
  );
}

export default function MePage() {
  const { token } = useAuth();
  return token ? <Account token={token} /> : <SignInFirst title="me.title" />;
}
