import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { knowledge, problemMessage } from "../../api/clients";
import { Field } from "../../components/Field";
import type { Problem } from "../../forms/validate";
import { useI18n } from "../../i18n/I18nProvider";

// As printed on the certificate (base32, 26 characters); the API takes any letter case.
const CODE = /^[A-Z2-7]{26}$/;

function normalise(code: string): string {
  return code.replace(/[\s-]/g, "").toUpperCase();
}

/** The answer for one code: the same the certificate's QR code leads to. */
function Verification({ code }: { code: string }) {
  const { t, formatDate } = useI18n();
  const answer = useQuery({
    queryKey: ["knowledge", "verify", code],
    queryFn: async () => {
      const { data, error, response } = await knowledge.GET("/certificates/verify/{code}", { params: { path: { code } } });
      if (response.status === 404) return null;
      if (!data) throw new Error(problemMessage(error));
      return data;
    },
  });
  if (answer.isPending) return <p role="status">{t("common.loading")}</p>;
  if (answer.isError)
    return (
      <p role="alert" className="error">
        {answer.error.message}
      </p>
    );
  const found = answer.data;
  if (!found)
    return (
      <p role="alert" className="verdict revoked">
        {t("certificates.unknown", { code })}
      </p>
    );
  return (
    <section aria-labelledby="verdict" className="certificate">
      <h2 id="verdict" className={`verdict ${found.status}`}>
        {t(found.status === "valid" ? "certificates.valid" : "certificates.revoked")}
      </h2>
      <dl className="meta">
        <div>
          <dt>{t("certificates.course")}</dt>
          <dd>{found.course_title}</dd>
        </div>
        <div>
          <dt>{t("certificates.completedOn")}</dt>
          <dd>{formatDate(found.completed_on)}</dd>
        </div>
        <div>
          <dt>{t("certificates.holder")}</dt>
          <dd>{found.holder_name ?? t("certificates.erased")}</dd>
        </div>
        <div>
          <dt>{t("certificates.code")}</dt>
          <dd>
            <code>{code}</code>
          </dd>
        </div>
      </dl>
    </section>
  );
}

export default function CertificateVerifyPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { code: given } = useParams();
  const code = given ? normalise(given) : undefined;
  const [typed, setTyped] = useState(code ?? "");
  const [problem, setProblem] = useState<Problem>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = normalise(typed);
    if (!CODE.test(next)) return setProblem({ key: next ? "certificates.codeFormat" : "form.required" });
    setProblem(undefined);
    navigate(`/certificates/verify/${next}`);
  };
  return (
    <>
      <h1>{t("certificates.title")}</h1>
      <p>{t("certificates.intro")}</p>
      <form className="form" noValidate onSubmit={submit}>
        <Field label={t("certificates.code")} problem={problem}>
          <input value={typed} autoComplete="off" spellCheck={false} maxLength={40} onChange={(e) => setTyped(e.target.value)} />
        </Field>
        <p>
          <button type="submit">{t("certificates.check")}</button>
        </p>
      </form>
      {code && (CODE.test(code) ? <Verification code={code} /> : <p role="alert" className="error">{t("certificates.codeFormat")}</p>)}
    </>
  );
}
