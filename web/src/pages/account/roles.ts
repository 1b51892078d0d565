import type { MessageKey } from "../../i18n/catalogue";

const ROLES = ["platform_admin", "cluster_manager", "organisation_admin", "organisation_member"] as const;
type Translate = (key: MessageKey) => string;

/** A role as people read it; one the app does not know yet keeps the service's name. */
export function roleLabel(role: string | null, t: Translate): string {
  if (role === null) return t("people.role.none");
  const known = ROLES.find((r) => r === role);
  return known ? t(`people.role.${known}`) : role;
}
