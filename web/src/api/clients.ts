// One typed client per service, all through the gateway's /api/<service>/ paths (one origin).
import createClient, { type Middleware } from "openapi-fetch";
import { session } from "../auth/session";
import type { paths as ExchangePaths } from "./exchange";
import type { paths as KnowledgePaths } from "./knowledge";
import type { paths as MembershipPaths } from "./membership";
import type { paths as NotificationsPaths } from "./notifications";

const origin = () => globalThis.location?.origin ?? "http://localhost";

/** Adds the access token; on a 401 refreshes the session once and repeats the request. */
const withAccessToken: Middleware = {
  async onRequest({ request }) {
    const token = session.accessToken();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
  async onResponse({ request, response }) {
    // Token calls themselves are never retried: a refused refresh must end the session, not wait on itself.
    const tokenCall = new URL(request.url).pathname.includes("/auth/");
    if (response.status !== 401 || tokenCall || !session.accessToken() || request.headers.get("X-Retried")) return response;
    if (!(await session.refresh())) return response;
    const retry = new Request(request, { headers: new Headers(request.headers) });
    retry.headers.set("Authorization", `Bearer ${session.accessToken()}`);
    retry.headers.set("X-Retried", "1");
    return fetch(retry);
  },
};

function client<Paths extends {}>(service: string) {
  const api = createClient<Paths>({ baseUrl: `${origin()}/api/${service}` });
  api.use(withAccessToken);
  return api;
}

export const membership = client<MembershipPaths>("membership");
export const exchange = client<ExchangePaths>("exchange");
export const knowledge = client<KnowledgePaths>("knowledge");
export const notifications = client<NotificationsPaths>("notifications");

/** The problem+json `detail` (or title) of a failed call, for showing to the person. */
export function problemMessage(error: unknown): string {
  if (error && typeof error === "object") {
    const problem = error as { detail?: unknown; title?: unknown };
    if (typeof problem.detail === "string") return problem.detail;
    if (Array.isArray(problem.detail)) return problem.detail.map((d) => (d as { msg?: string }).msg).join("; ");
    if (typeof problem.title === "string") return problem.title;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The data of a call, or throws its problem so TanStack Query reports it. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    throw new Error(problemMessage(result.error ?? `${result.response.status}`));
  }
  return result.data;
}
