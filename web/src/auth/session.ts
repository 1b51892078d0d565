// The signed-in session, kept in memory only: a reload signs the person out, and no token is ever
// readable from storage by a script. The access token is refreshed a little before it expires.
import type { components } from "../api/membership";

export type Token = components["schemas"]["TokenPublic"];
type Listener = (token: Token | null) => void;
type Refresher = (refreshToken: string) => Promise<Token | null>;

const EARLY_SECONDS = 30;

class Session {
  private token: Token | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<Listener>();
  private refresher: Refresher | null = null;
  private pending: Promise<boolean> | null = null;

  current(): Token | null {
    return this.token;
  }

  accessToken(): string | null {
    return this.token?.access_token ?? null;
  }

  /** How to exchange a refresh token; set once by the auth module (avoids an import cycle). */
  useRefresher(refresher: Refresher): void {
    this.refresher = refresher;
  }

  start(token: Token): void {
    this.token = token;
    clearTimeout(this.timer);
    if (token.refresh_token) {
      const delay = Math.max(token.expires_in - EARLY_SECONDS, 5) * 1000;
      this.timer = setTimeout(() => void this.refresh(), delay);
    }
    this.listeners.forEach((listener) => listener(token));
  }

  end(): void {
    this.token = null;
    clearTimeout(this.timer);
    this.listeners.forEach((listener) => listener(null));
  }

  /** One refresh at a time, however many requests found their token expired. */
  refresh(): Promise<boolean> {
    const refreshToken = this.token?.refresh_token;
    if (!refreshToken || !this.refresher) return Promise.resolve(false);
    this.pending ??= this.refresher(refreshToken)
      .then((next) => {
        if (next) this.start(next);
        else this.end();
        return next !== null;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const session = new Session();
