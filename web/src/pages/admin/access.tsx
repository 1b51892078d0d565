// Who may see this area's pages; the services decide again on every call (a 403 is shown as such).
import type { ReactNode } from "react";
import type { Token } from "../../auth/session";
import { useAuth } from "../../auth/AuthProvider";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/catalogue";

export const isAdmin = (token: Token | null) => token?.roles.includes("platform_admin") ?? false;
export const managesOrAdministers = (token: Token | null) => isAdmin(token) || (token?.roles.includes("cluster_manager") ?? false);

/** The page's heading, then its content only for the people it is for, else a sentence saying who it is for. */
export function Restricted({
  title,
  allowed,
  notice,
  children,
}: {
  title: MessageKey;
  allowed: (token: Token | null) => boolean;
  notice: MessageKey;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { token } = useAuth();
  return (
    <>
      <h1>{t(title)}</h1>
      {allowed(token) ? children : <p>{t(notice)}</p>}
    </>
  );
}
