// A stand-in for the gateway in component tests: answers by "METHOD /api/service/path" and
// records every request, so a test asserts what the page sent, not how it sent it.
type Answer = { status?: number; body?: unknown };
type Handler = (request: Request) => Answer | Promise<Answer>;

const handlers = new Map<string, Handler>();
export const sent: { method: string; path: string; body: unknown; authorization: string | null }[] = [];

export function answer(route: string, handler: Handler | Answer): void {
  handlers.set(route, typeof handler === "function" ? handler : () => handler);
}

export function resetFakeApi(): void {
  handlers.clear();
  sent.length = 0;
}

/** JSON bodies as values; any other body (an uploaded file) as its text. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const text = request.method === "GET" ? "" : await request.clone().text();
  sent.push({
    method: request.method,
    path: url.pathname,
    body: text ? parsed(text) : undefined,
    authorization: request.headers.get("Authorization"),
  });
  const handler = handlers.get(`${request.method} ${url.pathname}`);
  if (!handler) return new Response(JSON.stringify({ title: `no fake for ${request.method} ${url.pathname}` }), { status: 404 });
  const { status = 200, body } = await handler(request);
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });
}
