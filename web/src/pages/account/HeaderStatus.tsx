// What the header shows of the signed-in person beside the menu: the inbox with its unread count,
// kept live by the inbox stream for as long as the person is signed in.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import { notifications, unwrap } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { session, type Token } from "../../auth/session";
import { useI18n } from "../../i18n/I18nProvider";
import { showArrived, unreadCountKey } from "./inboxCache";
import { InboxStream } from "./inboxStream";
import { notificationTitle } from "./notificationText";

const streamUrl = () => `${globalThis.location?.origin ?? "http://localhost"}/api/notifications/inbox/stream`;

function LiveInbox({ token }: { token: Token }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const person = token.subject;
  const [announcement, setAnnouncement] = useState("");
  const translate = useRef(t);
  useEffect(() => {
    translate.current = t;
  }, [t]);
  const unread = useQuery({
    queryKey: unreadCountKey(person),
    queryFn: async () => unwrap(await notifications.GET("/inbox/unread-count")).unread,
  });
  // One stream per person: its position (Last-Event-ID) outlives reconnections and token refreshes.
  const stream = useMemo(
    () =>
      new InboxStream({
        url: streamUrl(),
        accessToken: () => session.accessToken(),
        refresh: () => session.refresh(),
        // The first connection starts from "now": what arrived between reading the count and it is
        // counted by reading the count again (later connections resume: the missed events replay).
        // A list read before it would miss the same few; the inbox page reads its list on opening.
        onOpen: () => void queryClient.invalidateQueries({ queryKey: unreadCountKey(person) }),
        onNotification: (item) => {
          showArrived(queryClient, person, item);
          setAnnouncement(translate.current("inbox.arrived", { title: notificationTitle(item, translate.current, person) }));
        },
      }),
    [person, queryClient],
  );
  // Re-opened with each new access token (a refresh), closed on sign-out (this unmounts).
  useEffect(() => {
    void stream.open();
    return () => stream.close();
  }, [stream, token.access_token]);
  return (
    <span className="inbox-status">
      <Link to="/inbox">{unread.data === undefined ? t("inbox.link") : t("inbox.linkCount", { count: unread.data })}</Link>
      <span role="status" className="visually-hidden">
        {announcement}
      </span>
    </span>
  );
}

export function HeaderStatus() {
  const { token } = useAuth();
  return token ? <LiveInbox key={token.subject} token={token} /> : null;
}
