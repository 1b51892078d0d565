import { Link } from "react-router";
import type { MessageKey } from "../../i18n/catalogue";
import { useI18n } from "../../i18n/I18nProvider";

/** What this area's pages show to someone not signed in (a reload signs out: tokens are in memory). */
export function SignInFirst({ title }: { title: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t(title)}</h1>
      <p>
        <Link to="/sign-in">{t("me.signInFirst")}</Link>
      </p>
    </>
  );
}
