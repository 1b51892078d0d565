import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeInboxStream, inboxItem } from "./fakeInboxStream";
import { InboxStream, exponentialBackoff, type InboxItem } from "./inboxStream";

const URL_ = "http://localhost/api/notifications/inbox/stream";
let fake: ReturnType<typeof fakeInboxStream> | undefined;
afterEach(() => fake?.restore());

function streamWith(overrides: Partial<ConstructorParameters<typeof InboxStream>[0]> = {}) {
  const received: InboxItem[] = [];
  const stream = new InboxStream({
    url: URL_,
    accessToken: () => "a1",
    refresh: async () => false,
    onNotification: (item) => received.push(item),
    backoff: () => 0,
    ...overrides,
  });
  return { stream, received };
}

describe("the inbox stream", () => {
  it("hands over each notification and, after the connection drops, resumes from the last id", async () => {
    fake = fakeInboxStream();
    const { stream, received } = streamWith();
    void stream.open();
    const { connections, connection } = fake;
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    expect(connection(0).headers.get("Authorization")).toBe("Bearer a1");
    expect(connection(0).headers.get("Last-Event-ID")).toBeNull();

    connection(0).send(inboxItem(6));
    connection(0).send(inboxItem(7));
    await vi.waitFor(() => expect(received.map((i) => i.sequence)).toEqual([6, 7]));
    connection(0).end();

    await vi.waitFor(() => expect(connections).toHaveLength(2));
    expect(connection(1).headers.get("Last-Event-ID")).toBe("7");
    stream.close();
    expect(connection(1).signal.aborted).toBe(true);
  });

  it("on a 401 reconnects with the refreshed token, and gives up when the session cannot be refreshed", async () => {
    const original = globalThis.fetch;
    const sentTokens: (string | null)[] = [];
    globalThis.fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
      sentTokens.push(new Headers(init?.headers).get("Authorization"));
      return new Response(null, { status: 401 });
    };
    let token = "a1";
    const refresh = vi.fn(async () => {
      if (token !== "a1") return false;
      token = "a2";
      return true;
    });
    try {
      const { stream } = streamWith({ refresh, accessToken: () => token });
      await stream.open(); // resolves only once the stream has given up
      expect(sentTokens).toEqual(["Bearer a1", "Bearer a2"]);
      expect(refresh).toHaveBeenCalledTimes(2);
    } finally {
      globalThis.fetch = original;
    }
  });

  it("stops for good on any other refusal (a partner client has no inbox: 403)", async () => {
    const original = globalThis.fetch;
    let calls = 0;
    globalThis.fetch = async () => {
      calls += 1;
      return new Response(null, { status: 403 });
    };
    try {
      await streamWith().stream.open();
      expect(calls).toBe(1);
    } finally {
      globalThis.fetch = original;
    }
  });

  it("tries again after a 429 or a gateway error, with backoff", async () => {
    fake = fakeInboxStream();
    const streamed = globalThis.fetch;
    const answers = [429, 502];
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const status = answers.shift();
      return status ? new Response(null, { status }) : streamed(input, init);
    };
    const waits: number[] = [];
    const { stream } = streamWith({ backoff: (attempt) => (waits.push(attempt), 0) });
    void stream.open();
    await vi.waitFor(() => expect(fake!.connections).toHaveLength(1));
    expect(waits).toEqual([1, 2]);
    stream.close();
  });

  it("waits longer after each failure, up to half a minute", () => {
    expect(exponentialBackoff(1)).toBeLessThanOrEqual(1000);
    expect(exponentialBackoff(3)).toBeGreaterThanOrEqual(2000);
    expect(exponentialBackoff(20)).toBeLessThanOrEqual(30_000);
  });
});
