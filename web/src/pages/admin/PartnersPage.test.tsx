import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { session } from "../../auth/session";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import PartnersPage from "./PartnersPage";

const SECRET = "s3cr3t-shown-only-once-xyz";

function signInAsAdmin() {
  session.start({
    access_token: "a1",
    expires_in: 900,
    refresh_token: null,
    refresh_expires_in: null,
    subject: "admin",
    roles: ["platform_admin"],
    organisation_id: null,
    cluster_id: null,
    scopes: [],
    token_type: "bearer",
  });
}

const client = { id: "c1", name: "Modacc CRM", scopes: ["events:read"], created_at: "2026-11-30T09:00:00Z", revoked_at: null };
const subscription = {
  id: "s1",
  client_id: "c1",
  target_url: "https://crm.modacc.example/hooks",
  event_types: ["SMEJoined"],
  contact_email: "it@modacc.example",
  status: "active",
  created_at: "2026-11-30T09:00:00Z",
  disabled_at: null,
  disabled_reason: null,
};
const delivery = {
  id: "d1",
  subscription_id: "s1",
  event_id: "e1",
  event_type: "SMEJoined",
  status: "failed",
  attempts: 8,
  next_attempt_at: null,
  created_at: "2026-11-29T09:00:00Z",
  finished_at: "2026-11-30T09:00:00Z",
  last_response_code: 503,
};

describe("partner systems", () => {
  it("shows the new system's secret once, then lists the system without it", async () => {
    signInAsAdmin();
    let clients: unknown[] = [];
    answer("GET /api/membership/clients", () => ({ body: clients }));
    answer("GET /api/notifications/webhooks/subscriptions", { body: [] });
    answer("POST /api/membership/clients", () => {
      clients = [client];
      return { status: 201, body: { client_id: "c1", client_secret: SECRET, scopes: ["events:read"] } };
    });
    renderPage(<PartnersPage />);

    await screen.findByText("No partner system is registered yet.");
    await userEvent.type(screen.getByLabelText("Name of the system"), "  Modacc CRM ");
    await userEvent.click(screen.getByRole("button", { name: "Register the system" }));

    expect(await screen.findByText(SECRET)).toBeInTheDocument();
    expect(screen.getByText(/the secret is shown only this once/)).toBeInTheDocument();
    expect(sent.find((r) => r.method === "POST")?.body).toEqual({ name: "Modacc CRM", scopes: ["events:read"] });
    const listed = await screen.findByRole("table", { name: "Registered partner systems" });
    expect(within(listed).getByRole("rowheader", { name: "Modacc CRM" })).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "I have stored the secret" }));
    expect(screen.queryByText(SECRET)).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
    expect(screen.getByLabelText("Name of the system")).toHaveValue("");
  });

  it("asks for a name before registering", async () => {
    signInAsAdmin();
    answer("GET /api/membership/clients", { body: [] });
    answer("GET /api/notifications/webhooks/subscriptions", { body: [] });
    renderPage(<PartnersPage />, { language: "es" });

    await userEvent.click(await screen.findByRole("button", { name: "Registrar el sistema" }));

    expect(screen.getByLabelText("Nombre del sistema")).toHaveAccessibleDescription("Este campo es obligatorio.");
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(0);
  });

  it("shows a subscription's delivery log with its attempts and replays one delivery or all since a time", async () => {
    signInAsAdmin();
    answer("GET /api/membership/clients", { body: [client] });
    answer("GET /api/notifications/webhooks/subscriptions", { body: [subscription] });
    answer("GET /api/notifications/webhooks/subscriptions/s1/deliveries", { body: [delivery] });
    answer("GET /api/notifications/webhooks/deliveries/d1", {
      body: {
        ...delivery,
        log: [{ number: 1, at: "2026-11-29T09:00:05Z", succeeded: false, response_code: 503, latency_ms: 84.2, error: null }],
      },
    });
    answer("POST /api/notifications/webhooks/deliveries/d1/replay", { status: 202, body: delivery });
    answer("POST /api/notifications/webhooks/subscriptions/s1/replay", { status: 202, body: { scheduled: 3 } });
    renderPage(<PartnersPage />);

    const item = (await screen.findByRole("heading", { name: "https://crm.modacc.example/hooks" })).closest("li")!;
    expect(item).toHaveTextContent("Modacc CRM");
    await userEvent.click(within(item).getByRole("button", { name: "Show the delivery log" }));
    const log = await within(item).findByRole("table", { name: "Deliveries, newest first" });
    expect(within(log).getByRole("row", { name: /SMEJoined/ })).toHaveTextContent("failed");

    await userEvent.click(within(log).getByRole("button", { name: "Attempts" }));
    const attempts = await screen.findByRole("table", { name: "Attempts of the SMEJoined delivery" });
    expect(within(attempts).getByRole("row", { name: /^1 / })).toHaveTextContent("503");
    expect(attempts).toHaveTextContent("84 ms");

    await userEvent.click(within(log).getByRole("button", { name: "Replay" }));
    expect(await screen.findByText("The SMEJoined delivery will be sent again.")).toBeInTheDocument();

    await userEvent.type(within(item).getByLabelText("Replay every delivery since"), "2026-11-29T00:00");
    await userEvent.click(within(item).getByRole("button", { name: "Replay since then" }));
    expect(await screen.findByText("3 deliveries will be sent again.")).toBeInTheDocument();
    const replay = sent.find((r) => r.path.endsWith("/subscriptions/s1/replay"));
    expect(replay?.body).toEqual({ since: new Date("2026-11-29T00:00").toISOString() });
  });
});
