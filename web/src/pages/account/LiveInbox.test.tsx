import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { session } from "../../auth/session";
import { ORGANISATION, PERSON, signInAsOrganisationAdmin as signIn } from "./testSession";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import { fakeInboxStream, inboxItem } from "./fakeInboxStream";
import { HeaderStatus } from "./HeaderStatus";
import InboxPage from "./InboxPage";

const welcome = inboxItem(5, {
  event_type: "PersonJoined",
  category: "account",
  title: "Person joined",
  context: { event_type: "PersonJoined", event: { person_id: PERSON }, organisation_names: {} },
});
const joined = inboxItem(6, {
  event_type: "SMEJoined",
  category: "membership",
  title: "SME joined",
  context: {
    event_type: "SMEJoined",
    event: { organisation: { organisation_id: ORGANISATION, legal_name: "Teixits <b>Rius</b>" } },
    organisation_names: { [ORGANISATION]: "Teixits <b>Rius</b>" },
  },
});

let fake: ReturnType<typeof fakeInboxStream>;
afterEach(() => fake.restore());

/** The notifications service as the page sees it: an inbox that grows as the stream says. */
function serveInbox(items: ReturnType<typeof inboxItem>[]) {
  answer("GET /api/notifications/inbox/unread-count", () => ({
    body: { unread: items.filter((i) => i.state === "unread").length },
  }));
  answer("GET /api/notifications/inbox", () => ({
    body: { items: [...items].reverse(), unread: items.filter((i) => i.state === "unread").length, next_cursor: null },
  }));
}

function renderLive() {
  return renderPage(
    <>
      <HeaderStatus />
      <InboxPage />
    </>,
    { path: "/inbox" },
  );
}

describe("the live inbox", () => {
  it("shows a notification pushed by the stream at the top, and the header's count goes up, without a reload", async () => {
    fake = fakeInboxStream();
    const items = [welcome];
    serveInbox(items);
    signIn();
    renderLive();

    expect(await screen.findByRole("link", { name: "Inbox (1)" })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { name: /Welcome to the CLOTH platform/ })).toBeInTheDocument();
    await waitFor(() => expect(fake.connections).toHaveLength(1));
    expect(fake.connection(0).headers.get("Authorization")).toBe("Bearer t1");

    const listReads = () => sent.filter((r) => r.method === "GET" && r.path === "/api/notifications/inbox").length;
    expect(listReads()).toBe(1);

    items.push(joined); // committed, then announced on the stream
    fake.connection(0).send(joined);

    expect(await screen.findByRole("link", { name: "Inbox (2)" })).toBeInTheDocument();
    const list = screen.getByRole("list", { name: "Unread and read" });
    const first = within(list).getAllByRole("listitem")[0]!;
    expect(within(first).getByRole("heading")).toHaveTextContent("An SME joined the alliance");
    // The organisation's name is text: markup in it is shown, never interpreted.
    expect(within(first).getByText("Teixits <b>Rius</b>")).toBeInTheDocument();
    expect(screen.getAllByRole("status").some((s) => s.textContent === "New notification: An SME joined the alliance")).toBe(true);
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    // The new one came from the stream: the list was not read again.
    expect(listReads()).toBe(1);
  });

  it("resumes with Last-Event-ID after a dropped connection and after a token refresh, and closes on sign-out", async () => {
    fake = fakeInboxStream();
    serveInbox([]);
    signIn("t1");
    renderLive();
    await waitFor(() => expect(fake.connections).toHaveLength(1));
    fake.connection(0).send(joined);
    await screen.findByRole("link", { name: "Inbox (0)" });

    fake.connection(0).end();
    await waitFor(() => expect(fake.connections).toHaveLength(2), { timeout: 5000 });
    expect(fake.connection(1).headers.get("Last-Event-ID")).toBe("6");

    signIn("t2"); // what a refresh does: a new access token for the same person
    await waitFor(() => expect(fake.connections).toHaveLength(3));
    expect(fake.connection(1).signal.aborted).toBe(true);
    expect(fake.connection(2).headers.get("Authorization")).toBe("Bearer t2");
    expect(fake.connection(2).headers.get("Last-Event-ID")).toBe("6");

    session.end();
    await waitFor(() => expect(fake.connection(2).signal.aborted).toBe(true));
    expect(screen.queryByRole("link", { name: /Inbox/ })).toBeNull();
  });

  it("marks one read, marks all read and archives, then reads the inbox again", async () => {
    fake = fakeInboxStream();
    serveInbox([welcome, joined]);
    answer(`POST /api/notifications/inbox/${joined.id}/read`, { body: { ...joined, state: "read" } });
    answer(`POST /api/notifications/inbox/${welcome.id}/archive`, { body: { ...welcome, state: "archived" } });
    answer("POST /api/notifications/inbox/read-all", { body: { marked: 1 } });
    signIn();
    renderLive();

    await userEvent.click(await screen.findByRole("button", { name: "Mark read: An SME joined the alliance" }));
    expect(await screen.findByText("Marked read: An SME joined the alliance")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Archive: Welcome to the CLOTH platform" }));
    expect(await screen.findByText("Archived: Welcome to the CLOTH platform")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Mark all read" }));
    expect(await screen.findByText("1 marked read.")).toBeInTheDocument();
    expect(sent.filter((r) => r.method === "POST").map((r) => r.path)).toEqual([
      `/api/notifications/inbox/${joined.id}/read`,
      `/api/notifications/inbox/${welcome.id}/archive`,
      "/api/notifications/inbox/read-all",
    ]);
  });

  it("loads older notifications with the cursor, and shows each view", async () => {
    fake = fakeInboxStream();
    answer("GET /api/notifications/inbox/unread-count", { body: { unread: 2 } });
    answer("GET /api/notifications/inbox", (request) => {
      const query = new URL(request.url).searchParams;
      if (query.get("state") === "archived") return { body: { items: [], unread: 2, next_cursor: null } };
      return query.get("cursor") === "czo1"
        ? { body: { items: [welcome], unread: 2, next_cursor: null } }
        : { body: { items: [joined], unread: 2, next_cursor: "czo1" } };
    });
    signIn();
    renderLive();

    await userEvent.click(await screen.findByRole("button", { name: "More" }));
    expect(await screen.findByRole("heading", { name: /Welcome to the CLOTH platform/ })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "More" })).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Archived" }));
    expect(await screen.findByText("No archived notifications.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Archived" })).toHaveAttribute("aria-pressed", "true");
  });
});
