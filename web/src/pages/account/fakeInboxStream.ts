// A stand-in for notifications' /inbox/stream in component tests: every connection the page
// opens is recorded with its headers, and the test pushes Server-Sent Events into it or ends it.
import type { InboxItem } from "./inboxStream";

const STREAM_PATH = "/api/notifications/inbox/stream";

export interface FakeConnection {
  headers: Headers;
  signal: AbortSignal;
  send: (item: InboxItem) => void;
  end: () => void;
}

export function fakeInboxStream() {
  const connections: FakeConnection[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (new URL(request.url).pathname !== STREAM_PATH) return original(input, init);
    const encoder = new TextEncoder();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    connections.push({
      headers: request.headers,
      signal: init?.signal ?? request.signal,
      send: (item) =>
        // Split in two chunks, as a network may: the parser must join them.
        [`id: ${item.sequence}\nevent: notification\n`, `data: ${JSON.stringify(item)}\n\n`].forEach((part) =>
          controller.enqueue(encoder.encode(part)),
        ),
      end: () => controller.close(),
    });
    controller.enqueue(encoder.encode(": ping\n\n"));
    return new Response(body, { headers: { "Content-Type": "text/event-stream" } });
  };
  return {
    connections,
    /** The nth connection opened (from 0); fails the test when there is none. */
    connection: (n: number): FakeConnection => {
      const found = connections[n];
      if (!found) throw new Error(`no connection ${n}: ${connections.length} opened`);
      return found;
    },
    restore: () => {
      globalThis.fetch = original;
    },
  };
}

export function inboxItem(sequence: number, overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, "0")}`,
    sequence,
    event_type: "ExchangeRequested",
    category: "exchanges",
    title: "Exchange requested",
    state: "unread",
    created_at: "2026-11-30T09:15:00Z",
    read_at: null,
    archived_at: null,
    context: { event_type: "ExchangeRequested", organisation_names: {} },
    ...overrides,
  };
}
