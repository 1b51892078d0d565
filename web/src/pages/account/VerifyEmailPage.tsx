// Where the verification e-mail's link lands (`/verify-email?token=…`): the token goes once to
// membership, which confirms the address (or, for a change of address, makes it the account's).
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link, useSearchParams } from "react-router";
import { membership } from "../../api/clients";
import { useI18n } from "../../i18n/I18nProvider";
import { readableProblem } from "./problems";

export default function VerifyEmailPage() {
  const { t } = useI18n();
  const [search] = useSearchParams();
  const token = search.get("token") ?? "";
  const verify = useMutation({
    mutationFn: async () => {
      const { error, response } = await membership.POST("/auth/verify-email", { body: { token } });
      if (!response.ok) throw new Error(readableProblem(error, t));
    },
  });
  const { mutate } = verify;
  // Once per token, also where effects run twice (React's strict mode): a second call would
  // answer "already used".
  const sentFor = useRef<string | null>(null);
  useEffect(() => {
    if (token && sentFor.current !== token) {
      sentFor.current = token;
      mutate();
    }
  }, [token, mutate]);
  return (
    <>
      <h1>{t("me.verifyTitle")}</h1>
      {!token && <p role="alert">{t("me.verifyNoToken")}</p>}
      {verify.isPending && <p role="status">{t("common.loading")}</p>}
      {verify.isSuccess && (
        <p role="status">
          {t("me.verified")} <Link to="/sign-in">{t("nav.signIn")}</Link>
        </p>
      )}
      {verify.isError && (
        <p role="alert" className="error">
          {verify.error.message}
        </p>
      )}
    </>
  );
}
