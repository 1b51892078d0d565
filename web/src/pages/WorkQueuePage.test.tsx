import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { session } from "../auth/session";
import { answer, sent } from "../testing/fakeApi";
import { renderPage } from "../testing/render";
import WorkQueuePage from "./WorkQueuePage";

const CLUSTER = "11111111-1111-1111-1111-111111111111";
const application = (id: string, legal_name: string) => ({
  id,
  legal_name,
  category: "sme",
  cluster_id: CLUSTER,
  country: "ES",
  region: null,
  city: "Igualada",
  latitude: null,
  longitude: null,
  value_chains: ["fashion_textile"],
  size_band: null,
  activities: [],
  certifications: [],
  languages: [],
  website: null,
  description: null,
  registration_number: "B-1",
  status: "pending",
  applied_at: "2026-11-02T10:00:00Z",
  decided_at: null,
  rejection_reason: null,
});

function signInAsManager() {
  session.start({
    access_token: "m1",
    expires_in: 900,
    refresh_token: null,
    refresh_expires_in: null,
    subject: "m",
    roles: ["cluster_manager"],
    organisation_id: null,
    cluster_id: CLUSTER,
    scopes: [],
    token_type: "bearer",
  });
}

describe("work queue", () => {
  it("approves an application in place and drops it from the queue", async () => {
    signInAsManager();
    let pending = [application("o1", "Tejidos Rius"), application("o2", "Punt Nou")];
    answer(`GET /api/membership/clusters/${CLUSTER}/applications`, () => ({ body: pending }));
    answer("POST /api/membership/organisations/o1/approval", () => {
      pending = pending.filter((a) => a.id !== "o1");
      return { body: { ...application("o1", "Tejidos Rius"), status: "active" } };
    });
    renderPage(<WorkQueuePage />);

    const item = (await screen.findByRole("heading", { name: "Tejidos Rius" })).closest("li")!;
    await userEvent.click(within(item).getByRole("button", { name: "Approve" }));

    expect(await screen.findByRole("status")).toHaveTextContent("Tejidos Rius is now a member.");
    await screen.findByRole("heading", { name: "Punt Nou" });
    expect(screen.queryByRole("heading", { name: "Tejidos Rius" })).toBeNull();
    expect(sent.find((r) => r.method === "POST")?.authorization).toBe("Bearer m1");
  });

  it("asks for a reason before refusing, and sends it", async () => {
    signInAsManager();
    answer(`GET /api/membership/clusters/${CLUSTER}/applications`, { body: [application("o1", "Tejidos Rius")] });
    answer("POST /api/membership/organisations/o1/rejection", { body: application("o1", "Tejidos Rius") });
    renderPage(<WorkQueuePage />, { language: "es" });

    await userEvent.click(await screen.findByRole("button", { name: "Rechazar" }));
    await userEvent.click(screen.getByRole("button", { name: "Rechazar la solicitud" }));
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(0);

    await userEvent.type(screen.getByLabelText("Motivo del rechazo"), "Fuera del ámbito del clúster");
    await userEvent.click(screen.getByRole("button", { name: "Rechazar la solicitud" }));

    expect(await screen.findByText("Tejidos Rius ha sido rechazada.")).toBeInTheDocument();
    expect(sent.find((r) => r.method === "POST")?.body).toEqual({ reason: "Fuera del ámbito del clúster" });
  });

  it("tells someone who is not a cluster manager what the page is for", () => {
    renderPage(<WorkQueuePage />);
    expect(screen.getByText(/The work queue is for cluster managers/)).toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });
});
