import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { session } from "../../auth/session";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import ProgrammesPage from "./ProgrammesPage";

function signInAs(roles: string[]) {
  session.start({
    access_token: "a1",
    expires_in: 900,
    refresh_token: null,
    refresh_expires_in: null,
    subject: "admin",
    roles,
    organisation_id: null,
    cluster_id: null,
    scopes: [],
    token_type: "bearer",
  });
}

const programme = (name: string, closed_at: string | null = null) => ({
  id: "p1",
  name,
  application_window: { first: "2026-09-01", last: "2027-09-30" },
  activity_window: { first: "2026-10-01", last: "2027-12-31" },
  quotas: [
    { category: "sme", side: "visitor", slots: 75 },
    { category: "large_company", side: "host", slots: 5 },
  ],
  target: 80,
  lump_sum_caps: { ES: "900.00" },
  created_at: "2026-08-01T10:00:00Z",
  closed_at,
});

async function fillWindows() {
  const [application, activity] = screen.getAllByRole("group").filter((g) => /window/.test(g.querySelector("legend")!.textContent!));
  await userEvent.type(within(application!).getByLabelText("First day"), "2026-09-01");
  await userEvent.type(within(application!).getByLabelText("Last day"), "2027-09-30");
  await userEvent.type(within(activity!).getByLabelText("First day"), "2026-10-01");
  await userEvent.type(within(activity!).getByLabelText("Last day"), "2027-12-31");
}

describe("programmes and quotas", () => {
  it("sends the quotas per category and the caps per host country the administrator entered", async () => {
    signInAs(["platform_admin"]);
    let programmes: unknown[] = [];
    answer("GET /api/exchange/programmes", () => ({ body: programmes }));
    answer("POST /api/exchange/programmes", () => {
      programmes = [programme("Xchange 2027")];
      return { status: 201, body: programme("Xchange 2027") };
    });
    renderPage(<ProgrammesPage />);

    await screen.findByText("No programme yet.");
    await userEvent.type(screen.getByLabelText("Name"), "Xchange 2027");
    await fillWindows();
    const sme = screen.getByLabelText("SME");
    await userEvent.clear(sme);
    await userEvent.type(sme, "60");
    expect(screen.getByText("85 exchanges in all")).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Host country 1 (two-letter code)"), "es");
    await userEvent.type(screen.getByLabelText("Cap 1 in euros"), "900");
    await userEvent.click(screen.getByRole("button", { name: "Add a host country" }));
    await userEvent.type(screen.getByLabelText("Host country 2 (two-letter code)"), "DK");
    await userEvent.type(screen.getByLabelText("Cap 2 in euros"), "1100.00");
    await userEvent.click(screen.getByRole("button", { name: "Open the programme" }));

    expect(await screen.findByText("Xchange 2027 is open.")).toBeInTheDocument();
    expect(sent.find((r) => r.method === "POST")?.body).toEqual({
      name: "Xchange 2027",
      application_window: { first: "2026-09-01", last: "2027-09-30" },
      activity_window: { first: "2026-10-01", last: "2027-12-31" },
      quotas: { sme: 60, cluster_organisation: 10, support_organisation: 5, large_company: 5, public_body: 5 },
      lump_sum_caps: { ES: "900", DK: "1100.00" },
    });
    const listed = await screen.findByRole("table", { name: "Quotas of Xchange 2027" });
    expect(within(listed).getByRole("row", { name: /SME/ })).toHaveTextContent("75");
  });

  it("refuses, without sending, a reversed window, a bad quota, a cap over 1,100 and a repeated country", async () => {
    signInAs(["platform_admin"]);
    answer("GET /api/exchange/programmes", { body: [] });
    renderPage(<ProgrammesPage />);

    await screen.findByText("No programme yet.");
    await userEvent.type(screen.getByLabelText("Name"), "Xchange");
    const [application] = screen.getAllByRole("group");
    await userEvent.type(within(application!).getByLabelText("First day"), "2027-09-30");
    await userEvent.type(within(application!).getByLabelText("Last day"), "2026-09-01");
    await userEvent.clear(screen.getByLabelText("Public body"));
    await userEvent.type(screen.getByLabelText("Public body"), "2.5");
    await userEvent.type(screen.getByLabelText("Host country 1 (two-letter code)"), "ES");
    await userEvent.type(screen.getByLabelText("Cap 1 in euros"), "1100.01");
    await userEvent.click(screen.getByRole("button", { name: "Add a host country" }));
    await userEvent.type(screen.getByLabelText("Host country 2 (two-letter code)"), "ES");
    await userEvent.type(screen.getByLabelText("Cap 2 in euros"), "900");
    await userEvent.click(screen.getByRole("button", { name: "Open the programme" }));

    expect(screen.getByRole("alert")).toHaveTextContent("Please correct the fields marked below.");
    expect(screen.getByText("The last day must not be before the first.")).toBeInTheDocument();
    expect(screen.getByLabelText("Public body")).toHaveAccessibleDescription("A whole number from 0 to 10000.");
    expect(screen.getByLabelText("Cap 1 in euros")).toHaveAccessibleDescription(/at most 1100/);
    expect(screen.getByLabelText("Host country 2 (two-letter code)")).toHaveAccessibleDescription("This country already has a cap.");
    expect(screen.getAllByText("This field is required.")).toHaveLength(1); // the activity window
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(0);
  });

  it("closes a programme after asking to confirm", async () => {
    signInAs(["platform_admin"]);
    let current = programme("Xchange 2026");
    answer("GET /api/exchange/programmes", () => ({ body: [current] }));
    answer("POST /api/exchange/programmes/p1/closure", () => {
      current = programme("Xchange 2026", "2026-11-30T10:00:00Z");
      return { body: current };
    });
    renderPage(<ProgrammesPage />, { language: "es" });

    await userEvent.click(await screen.findByRole("button", { name: "Cerrar Xchange 2026" }));
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(0);
    await userEvent.click(screen.getByRole("button", { name: "Sí, cerrar Xchange 2026" }));

    expect(await screen.findByText("Xchange 2026 está cerrado.")).toBeInTheDocument();
    expect(await screen.findByText(/^Cerrado el /)).toBeInTheDocument();
    expect(sent.find((r) => r.method === "POST")?.authorization).toBe("Bearer a1");
  });

  it("tells a cluster manager the page is for administrators and asks nothing", () => {
    signInAs(["cluster_manager"]);
    renderPage(<ProgrammesPage />);
    expect(screen.getByText(/This page is for platform administrators/)).toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });
});
