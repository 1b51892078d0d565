// The person's inbox: its views, marking read, archiving, older pages on demand; what arrives
// while the page is open appears on top (the header's stream puts it in the cache, see inboxCache).
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { notifications, problemMessage, unwrap } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { INBOX_VIEWS, inboxKey, notificationsKey, type InboxPage, type InboxView } from "./inboxCache";
import type { InboxItem } from "./inboxStream";
import { notificationTitle, organisationNames } from "./notificationText";
import { SignInFirst } from "./SignInFirst";

const PAGE_SIZE = 20;
const isView = (value: string | null): value is InboxView => INBOX_VIEWS.some((v) => v === value);

function Notification({ item, person, onDone }: { item: InboxItem; person: string; onDone: (message: string) => void }) {
  const { t, formatDate } = useI18n();
  const title = notificationTitle(item, t, person);
  const act = useMutation({
    mutationFn: async (action: "read" | "archive") => {
      const path = action === "read" ? "/inbox/{notification_id}/read" : "/inbox/{notification_id}/archive";
      const { error, response } = await notifications.POST(path, { params: { path: { notification_id: item.id } } });
      if (!response.ok) throw new Error(problemMessage(error));
      return action;
    },
    onSuccess: (action) => onDone(t(action === "read" ? "inbox.markedRead" : "inbox.archivedOne", { title })),
  });
  const names = organisationNames(item);
  const headingId = `notification-${item.id}`;
  return (
    <li className={`card notification ${item.state}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="notification-title">
        {title}
      </h2>
      {names.length > 0 && <p>{names.join(" · ")}</p>}
      <p className="muted">
        {item.state === "unread" && <span className="badge">{t("inbox.unreadBadge")}</span>} {t(`prefs.category.${item.category}`)} · <time dateTime={item.created_at}>{formatDate(item.created_at)}</time>
      </p>
      {act.isError && (
        <p role="alert" className="error">
          {act.error.message}
        </p>
      )}
      <p className="actions">
        {item.state === "unread" && (
          <button type="button" disabled={act.isPending} onClick={() => act.mutate("read")}>
            {t("inbox.markRead")}
            <span className="visually-hidden">: {title}</span>
          </button>
        )}{" "}
        {item.state !== "archived" && (
          <button type="button" disabled={act.isPending} onClick={() => act.mutate("archive")}>
            {t("inbox.archive")}
            <span className="visually-hidden">: {title}</span>
          </button>
        )}
      </p>
    </li>
  );
}

function Inbox({ person }: { person: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const requested = params.get("view");
  const view: InboxView = isView(requested) ? requested : "current";
  const [announcement, setAnnouncement] = useState("");
  const list = useInfiniteQuery({
    queryKey: inboxKey(person, view),
    initialPageParam: null as string | null,
    getNextPageParam: (last: InboxPage) => last.next_cursor,
    queryFn: async ({ pageParam }): Promise<InboxPage> =>
      unwrap(
        await notifications.GET("/inbox", {
          params: { query: { state: view === "current" ? undefined : view, cursor: pageParam ?? undefined, limit: PAGE_SIZE } },
        }),
      ),
  });
  const done = (message: string) => {
    setAnnouncement(message);
    void queryClient.invalidateQueries({ queryKey: notificationsKey(person) });
  };
  const readAll = useMutation({
    mutationFn: async () => unwrap(await notifications.POST("/inbox/read-all")).marked,
    onSuccess: (marked) => done(t("inbox.markedAll", { count: marked })),
  });
  return (
    <>
      <h1>{t("inbox.title")}</h1>
      <p>
        <Link to="/inbox/preferences">{t("prefs.title")}</Link>
      </p>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <div className="inbox-views" role="group" aria-label={t("inbox.views")}>
        {INBOX_VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={v === view}
            onClick={() => setParams(v === "current" ? {} : { view: v })}
          >
            {t(`inbox.view.${v}`)}
          </button>
        ))}
      </div>
      <QueryState query={list}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          const unread = data.pages[0]?.unread ?? 0;
          return (
            <>
              <p>
                {t("inbox.unreadTotal", { count: unread })}{" "}
                {unread > 0 && view !== "archived" && (
                  <button type="button" disabled={readAll.isPending} onClick={() => readAll.mutate()}>
                    {t("inbox.markAllRead")}
                  </button>
                )}
              </p>
              {readAll.isError && (
                <p role="alert" className="error">
                  {readAll.error.message}
                </p>
              )}
              {items.length === 0 ? (
                <p>{t(`inbox.empty.${view}`)}</p>
              ) : (
                <ul className="cards" aria-label={t(`inbox.view.${view}`)}>
                  {items.map((item) => (
                    <Notification key={item.id} item={item} person={person} onDone={done} />
                  ))}
                </ul>
              )}
              {list.hasNextPage && (
                <p>
                  <button type="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                    {list.isFetchingNextPage ? t("common.loading") : t("inbox.more")}
                  </button>
                </p>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}

export default function InboxPage() {
  const { token } = useAuth();
  return token ? <Inbox person={token.subject} /> : <SignInFirst title="inbox.title" />;
}
