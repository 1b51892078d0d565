// Where the inbox lives in the query cache, per person, and how a live notification enters it.
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { components } from "../../api/notifications";
import type { InboxItem } from "./inboxStream";

export type InboxPage = components["schemas"]["InboxPagePublic"];
export type InboxPages = InfiniteData<InboxPage, string | null>;
/** `current` is the service's default list: unread and read, not archived. */
export const INBOX_VIEWS = ["current", "unread", "read", "archived"] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export const notificationsKey = (person: string) => ["notifications", person] as const;
export const unreadCountKey = (person: string) => [...notificationsKey(person), "unread-count"] as const;
export const inboxKey = (person: string, view: InboxView) => [...notificationsKey(person), "inbox", view] as const;

/**
 * A notification that just arrived goes on top of the lists it belongs to (new ones are unread),
 * once however often it is received (a resumed stream may repeat what a page already read), and
 * the unread count is read again: the service's figure, not one counted here, stays the truth.
 */
export function showArrived(queryClient: QueryClient, person: string, item: InboxItem): void {
  for (const view of ["current", "unread"] as const) {
    queryClient.setQueryData<InboxPages>(inboxKey(person, view), (data) => {
      if (!data || data.pages.some((page) => page.items.some((known) => known.id === item.id))) return data;
      const [first, ...older] = data.pages;
      if (!first) return data;
      return { ...data, pages: [{ ...first, items: [item, ...first.items], unread: first.unread + 1 }, ...older] };
    });
  }
  void queryClient.invalidateQueries({ queryKey: unreadCountKey(person) });
}
