import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { session } from "../../auth/session";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import ExportsPage from "./ExportsPage";

function signInAsManager() {
  session.start({
    access_token: "m1",
    expires_in: 900,
    refresh_token: null,
    refresh_expires_in: null,
    subject: "m",
    roles: ["cluster_manager"],
    organisation_id: null,
    cluster_id: "c1",
    scopes: [],
    token_type: "bearer",
  });
}

const programme = (id: string, name: string, created_at: string) => ({ id, name, created_at, closed_at: null });
const saved: { name: string; blob: Blob }[] = [];

beforeEach(() => {
  // jsdom has no object URLs: record what the page hands to the browser instead.
  let last: Blob | undefined;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    last = blob;
    return "blob:fake";
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: last! });
  });
});
afterEach(() => {
  saved.length = 0;
  vi.restoreAllMocks();
});

describe("CSV exports", () => {
  it("downloads the chosen programme's exchanges with the manager's token, under a file name", async () => {
    signInAsManager();
    answer("GET /api/exchange/programmes", {
      body: [programme("p1", "Xchange 2026", "2026-01-01T00:00:00Z"), programme("p2", "Xchange Ñandú 2027", "2027-01-01T00:00:00Z")],
    });
    answer("GET /api/exchange/programmes/p1/exchanges.csv", { body: "exchange_id,state\r\n" });
    renderPage(<ExportsPage />);

    await userEvent.selectOptions(await screen.findByLabelText("Programme"), "p1");
    await userEvent.click(screen.getByRole("button", { name: "Download the exchanges (CSV)" }));

    expect(await screen.findByText(/^Saved as cloth-exchanges-xchange-2026-\d{4}-\d{2}-\d{2}\.csv\.$/)).toBeInTheDocument();
    expect(sent.find((r) => r.path.endsWith("exchanges.csv"))?.authorization).toBe("Bearer m1");
    expect(saved).toHaveLength(1);
    expect(await saved[0]!.blob.text()).toContain("exchange_id,state");
  });

  it("downloads the organisations", async () => {
    signInAsManager();
    answer("GET /api/exchange/programmes", { body: [] });
    answer("GET /api/membership/map/organisations.csv", { body: "id,legal_name\r\n" });
    renderPage(<ExportsPage />);

    expect(await screen.findByText("No programme yet.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Download the organisations (CSV)" }));

    expect(await screen.findByText(/^Saved as cloth-organisations-/)).toBeInTheDocument();
    expect(saved.map((s) => s.name)).toEqual([expect.stringMatching(/^cloth-organisations-\d{4}-\d{2}-\d{2}\.csv$/)]);
  });

  it("is not offered to a member", () => {
    renderPage(<ExportsPage />);
    expect(screen.getByText(/The exports are for cluster managers and administrators/)).toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });
});
