// The person's inbox live: notifications' Server-Sent Events at /inbox/stream.
//
// The browser's EventSource cannot send an Authorization header, and the stream needs the bearer
// token (tokens live in memory only, never in a cookie). So the stream is read with fetch and
// parsed with `eventsource-parser` (one small dependency-free module, maintained, the parser many
// SSE clients are built on). @microsoft/fetch-event-source was the other candidate: it has had no
// release since 2.0.1 (2021); the loop it would give is the few lines below, where this app's own
// rules fit (refresh once on a 401, stop on any other refusal, resume from the last id). The gateway passes the stream unbuffered (proxy_buffering
// off for /api/notifications/, and text/event-stream is not among its gzip types).
import { createParser } from "eventsource-parser";
import type { components } from "../../api/notifications";

export type InboxItem = components["schemas"]["InboxItem"];

export interface InboxStreamOptions {
  url: string;
  accessToken: () => string | null;
  /** Refreshes the session after a 401; true when there is a new access token to try. */
  refresh: () => Promise<boolean>;
  /** Called each time the stream is (re)connected: what happened before it is read anew then. */
  onOpen?: () => void;
  onNotification: (item: InboxItem) => void;
  /** Milliseconds to wait before the nth consecutive reconnection (n from 1). */
  backoff?: (attempt: number) => number;
}

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;

/** Doubling from a second up to half a minute, with jitter so a restarted gateway is not stampeded. */
export function exponentialBackoff(attempt: number): number {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (attempt - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A refusal that reconnecting cannot mend (a partner client's 403, a 422): the stream stops. */
class Refused extends Error {}

/**
 * One live connection at a time, reconnecting with backoff and resuming with `Last-Event-ID`
 * (the notification's `sequence`), so nothing committed while it was away is lost.
 */
export class InboxStream {
  /** The id of the last event received: sent as `Last-Event-ID` when reconnecting. */
  lastEventId: string | null = null;
  private controller: AbortController | null = null;

  constructor(private readonly options: InboxStreamOptions) {}

  /**
   * Connects, or reconnects at once (e.g. with a refreshed token), keeping the position.
   * Resolves when this connection gives up: closed, signed out, or refused for good.
   */
  open(): Promise<void> {
    this.close();
    const controller = new AbortController();
    this.controller = controller;
    return this.run(controller.signal);
  }

  close(): void {
    this.controller?.abort();
    this.controller = null;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const backoff = this.options.backoff ?? exponentialBackoff;
    let failures = 0;
    while (!signal.aborted) {
      try {
        if (await this.connect(signal)) failures = 0;
      } catch (error) {
        if (signal.aborted || error instanceof Refused) return;
      }
      if (signal.aborted) return;
      failures += 1;
      await sleep(backoff(failures), signal);
    }
  }

  /** One connection, read until it ends; true when it was established. */
  private async connect(signal: AbortSignal): Promise<boolean> {
    const token = this.options.accessToken();
    if (!token) throw new Refused("signed out");
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: "text/event-stream" };
    if (this.lastEventId !== null) headers["Last-Event-ID"] = this.lastEventId;
    const response = await fetch(this.options.url, { headers, signal, cache: "no-store" });
    if (response.status === 401) {
      // An expired token: a refreshed session reconnects (the caller re-opens on the new token).
      if (await this.options.refresh()) return true;
      throw new Refused("session ended");
    }
    // Too many requests or a timeout are worth another try later; any other 4xx is final.
    const retryable = response.status === 408 || response.status === 429;
    if (response.status >= 400 && response.status < 500 && !retryable) throw new Refused(`refused: ${response.status}`);
    if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
    this.options.onOpen?.();
    await this.read(response.body, signal);
    return true;
  }

  private async read(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
    const parser = createParser({
      onEvent: (message) => {
        if (message.id !== undefined) this.lastEventId = message.id;
        if (message.event !== "notification") return;
        this.options.onNotification(JSON.parse(message.data) as InboxItem);
      },
    });
    const reader = body.getReader();
    const stop = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener("abort", stop);
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || signal.aborted) return;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } finally {
      signal.removeEventListener("abort", stop);
    }
  }
}
