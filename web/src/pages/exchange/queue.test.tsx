import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import { anExchange, BFA, commitment, MODACC, signInAs } from "./fixtures";
import { ApprovalsSection, PaymentsSection, ReportsSection, SignaturesSection } from "./queue";
import type { Exchange } from "./model";

const ours = (id: string, state: Exchange["state"], changes: Partial<Exchange> = {}) =>
  anExchange(state, { id, ...changes });

/** GET /exchanges answered by its `state` filter, as the service does. */
function exchangesByState(list: Exchange[]) {
  answer("GET /api/exchange/exchanges", (request) => {
    const state = new URL(request.url).searchParams.get("state");
    return { body: list.filter((e) => e.state === state) };
  });
  answer("GET /api/membership/clusters", { body: [] });
}

const section = (name: string) => screen.findByRole("region", { name });

describe("the exchange sections of the work queue", () => {
  it("lists only approvals of its own visitors and approves in place", async () => {
    signInAs("visitorManager");
    const theirs = ours("e2", "commitment_agreed", {
      first_day: "2026-12-01",
      last_day: "2026-12-04",
      visitor: { organisation_id: "o", category: "sme", country: "BG", cluster_id: BFA },
    });
    exchangesByState([ours("e1", "commitment_agreed"), theirs]);
    answer("POST /api/exchange/exchanges/e1/approval", { body: ours("e1", "approved") });
    const announced: string[] = [];
    renderPage(<ApprovalsSection clusterId={MODACC} announce={(m) => announced.push(m)} />);

    const region = await section("Exchanges to approve");
    expect(await within(region).findAllByRole("listitem")).toHaveLength(1);
    expect(within(region).getByText("Lump sum €350.00")).toBeInTheDocument();
    // The visitor by its name, as the exchange API reads it out.
    expect(within(region).getByRole("listitem")).toHaveTextContent("Teixits Igualada SL · SME");
    await userEvent.click(within(region).getByRole("button", { name: "Approve" }));

    await expect.poll(() => announced).toEqual(["Exchange approved."]);
    expect(sent.find((r) => r.method === "POST")?.path).toBe("/api/exchange/exchanges/e1/approval");
  });

  it("asks the host's cluster for its signature only where it is missing", async () => {
    signInAs("hostManager");
    exchangesByState([
      ours("e1", "accepted", { commitment, missing_signatures: ["host_cluster"] }),
      ours("e2", "accepted", { commitment, missing_signatures: ["visitor_cluster"] }),
      ours("e3", "accepted", { commitment: null }),
    ]);
    answer("POST /api/exchange/exchanges/e1/signatures", { body: ours("e1", "commitment_agreed") });
    renderPage(<SignaturesSection clusterId={BFA} announce={() => {}} />);

    const region = await section("Commitments waiting for your cluster's signature");
    expect(await within(region).findAllByRole("listitem")).toHaveLength(1);
    await userEvent.click(within(region).getByRole("button", { name: "Sign for the host's cluster" }));
    await expect.poll(() => sent.find((r) => r.method === "POST")?.body).toEqual({ signatory: "host_cluster" });
  });

  it("sends a report back only with comments", async () => {
    signInAs("visitorManager");
    const report = {
      summary: "Four days in the plant.",
      lessons_learned: "Sort first.",
      share_summary: false,
      evidence_ids: [],
      submitted_at: "2026-11-21T10:00:00Z",
      submitted_by: "p",
      submitted_by_name: "org4.modacc",
    };
    exchangesByState([ours("e1", "report_submitted", { report })]);
    answer("GET /api/exchange/exchanges/e1/evidence", { body: [] });
    answer("POST /api/exchange/exchanges/e1/send-back", { body: ours("e1", "report_sent_back") });
    renderPage(<ReportsSection clusterId={MODACC} announce={() => {}} />, { language: "es" });

    const region = await section("Informes por validar");
    expect(await within(region).findByText("Four days in the plant.")).toBeInTheDocument();
    await userEvent.click(within(region).getByRole("button", { name: "Devolver el informe" }));
    await userEvent.click(within(region).getByRole("button", { name: "Devolver con estos comentarios" }));
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(0);
    await userEvent.type(within(region).getByLabelText("Comentarios para el visitante"), "Falta la hoja");
    await userEvent.click(within(region).getByRole("button", { name: "Devolver con estos comentarios" }));
    await expect.poll(() => sent.find((r) => r.method === "POST")?.body).toEqual({ comments: "Falta la hoja" });
  });

  it("marks a payment overdue after its due date", async () => {
    signInAs("visitorManager");
    exchangesByState([
      ours("e1", "completed", { payment_due: "2020-01-10" }),
      ours("e2", "completed", { payment_due: "2999-01-10", first_day: "2026-12-01", last_day: "2026-12-04" }),
    ]);
    renderPage(<PaymentsSection clusterId={MODACC} announce={() => {}} />);

    const region = await section("Lump sums to pay");
    const items = await within(region).findAllByRole("listitem");
    expect(items[0]).toHaveTextContent("overdue since Jan 10, 2020");
    expect(items[1]).toHaveTextContent("due by Jan 10, 2999");
    expect(within(items[0]!).getByRole("button", { name: "Record the payment" })).toBeInTheDocument();
  });
});
