// The knowledge API's enumerations, in the order people read them, and who may write resources.
import type { components } from "../../api/knowledge";
import type { Token } from "../../auth/session";

type Schemas = components["schemas"];
export type Kind = Schemas["Kind"];
export type LibraryLanguage = Schemas["knowledge__domain__library__vocabulary__Language"];
export type SkillArea = Schemas["SkillArea"];
export type Audience = Schemas["Audience"];
export type Resource = Schemas["ResourcePublic"];
export type SearchHit = Schemas["SearchHitPublic"];

export const KINDS: Kind[] = ["guide", "best_practice", "case_study", "know_how", "tool", "regional_analysis", "lessons_learned"];
export const SKILL_AREAS: SkillArea[] = ["management", "technical", "entrepreneurial", "digital", "green"];
export const AUDIENCES: Audience[] = ["members", "cluster_managers", "both"];

/** The seven languages of the library and the training programme, each named in itself. */
export const LIBRARY_LANGUAGES: Record<LibraryLanguage, string> = {
  en: "English",
  es: "Español",
  ca: "Català",
  bg: "Български",
  fr: "Français",
  ro: "Română",
  da: "Dansk",
};

export function isKind(value: string | null): value is Kind {
  return value !== null && (KINDS as string[]).includes(value);
}
export function isLibraryLanguage(value: string | null): value is LibraryLanguage {
  return value !== null && Object.hasOwn(LIBRARY_LANGUAGES, value);
}
export function isSkillArea(value: string | null): value is SkillArea {
  return value !== null && (SKILL_AREAS as string[]).includes(value);
}
export function isAudience(value: string | null): value is Audience {
  return value !== null && (AUDIENCES as string[]).includes(value);
}

/** The organisation whose resources the person writes: theirs, when they are one of its people. */
export function authorOrganisation(token: Token | null): string | null {
  const writes = token?.roles.some((r) => r === "organisation_admin" || r === "organisation_member") ?? false;
  return writes ? (token?.organisation_id ?? null) : null;
}

/** "a, b ,c" -> ["a", "b", "c"]: tags and regions are typed as one list. */
export function splitList(text: string, separator: RegExp = /,/): string[] {
  return [...new Set(text.split(separator).map((s) => s.trim()).filter(Boolean))];
}
