// A notification in words: its title translated by event type (the service's English title when
// the app has no translation yet) and the organisations it names. Always text, never HTML.
import type { MessageKey } from "../../i18n/catalogue";
import { en } from "./messages";
import type { InboxItem } from "./inboxStream";

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const isKey = (key: string): key is MessageKey & keyof typeof en => Object.hasOwn(en, key);

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function notificationTitle(item: InboxItem, t: Translate, reader?: string): string {
  const event = record(item.context.event);
  // The one who joined reads a welcome; their organisation's admins read that someone joined.
  if (item.event_type === "PersonJoined" && reader !== undefined && event.person_id === reader)
    return t("inbox.event.PersonJoined.self");
  const key = `inbox.event.${item.event_type}`;
  return isKey(key) ? t(key) : item.title;
}

/** The names of the organisations the event is about, as the service resolved them. */
export function organisationNames(item: InboxItem): string[] {
  const names = Object.values(record(item.context.organisation_names)).filter((n): n is string => typeof n === "string");
  const named = record(record(item.context.event).organisation).legal_name;
  if (typeof named === "string") names.push(named);
  return [...new Set(names)];
}
