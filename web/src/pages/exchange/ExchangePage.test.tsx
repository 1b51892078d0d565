import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { session } from "../../auth/session";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import ExchangePage from "./ExchangePage";
import { anExchange, commitment, signInAs } from "./fixtures";
import { actionsFor, type Exchange } from "./model";

const ID = anExchange("requested").id;
const AFTER_LAST_DAY = "2026-11-21";

function showing(exchange: Exchange) {
  answer(`GET /api/exchange/exchanges/${ID}`, { body: exchange });
  answer(`GET /api/exchange/exchanges/${ID}/history`, { body: [] });
  answer(`GET /api/exchange/exchanges/${ID}/evidence`, { body: [] });
  answer("GET /api/membership/clusters", { body: [] });
  renderPage(
    <Routes>
      <Route path="exchange/:exchangeId" element={<ExchangePage />} />
    </Routes>,
    { path: `/exchange/${ID}` },
  );
}

describe("what each person may do, by state", () => {
  it("lets only the host answer a request; either party may cancel it", () => {
    signInAs("host");
    expect(actionsFor(session.current(), anExchange("requested"), AFTER_LAST_DAY)).toEqual(["accept", "decline", "cancel"]);
    signInAs("visitor");
    expect(actionsFor(session.current(), anExchange("requested"), AFTER_LAST_DAY)).toEqual(["cancel"]);
    signInAs("visitorManager");
    expect(actionsFor(session.current(), anExchange("requested"), AFTER_LAST_DAY)).toEqual([]);
  });

  it("gives each signatory their own signature, once a commitment is written", () => {
    const accepted = anExchange("accepted", { commitment, missing_signatures: ["host", "host_cluster"] });
    signInAs("visitor");
    expect(actionsFor(session.current(), accepted, AFTER_LAST_DAY)).toEqual(["commitment", "cancel"]);
    signInAs("hostManager");
    expect(actionsFor(session.current(), accepted, AFTER_LAST_DAY)).toEqual(["sign"]);
    signInAs("host");
    expect(actionsFor(session.current(), anExchange("accepted"), AFTER_LAST_DAY)).toEqual(["commitment", "cancel"]);
  });

  it("leaves approval, review and payment to the visitor's cluster, and the report to its last day", () => {
    signInAs("visitorManager");
    expect(actionsFor(session.current(), anExchange("commitment_agreed"), AFTER_LAST_DAY)).toEqual(["approve"]);
    expect(actionsFor(session.current(), anExchange("report_submitted"), AFTER_LAST_DAY)).toEqual(["validate", "sendBack"]);
    expect(actionsFor(session.current(), anExchange("completed"), AFTER_LAST_DAY)).toEqual(["pay"]);
    signInAs("hostManager");
    expect(actionsFor(session.current(), anExchange("commitment_agreed"), AFTER_LAST_DAY)).toEqual([]);
    signInAs("visitor");
    expect(actionsFor(session.current(), anExchange("in_progress"), "2026-11-19")).toEqual(["evidence"]);
    expect(actionsFor(session.current(), anExchange("in_progress"), AFTER_LAST_DAY)).toEqual(["evidence", "report"]);
    expect(actionsFor(session.current(), anExchange("approved"), "2026-11-10")).toEqual(["cancel"]);
    expect(actionsFor(session.current(), anExchange("approved"), AFTER_LAST_DAY)).toEqual(["start"]);
  });
});

describe("the exchange page", () => {
  it("shows the host its answers and accepts in place", async () => {
    signInAs("host");
    answer(`POST /api/exchange/exchanges/${ID}/acceptance`, { body: anExchange("accepted", { version: 2 }) });
    showing(anExchange("requested"));

    expect(await screen.findByRole("button", { name: "Decline the request" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Approve the exchange" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Accept the request" }));

    expect(await screen.findByText("You accepted the request.")).toBeInTheDocument();
    expect(screen.getByText("Accepted", { selector: ".state" })).toBeInTheDocument();
    expect(sent.find((r) => r.method === "POST")?.authorization).toBe("Bearer token-host");
  });

  it("needs a reason before cancelling, and shows a refused step's reason", async () => {
    signInAs("visitor");
    answer(`POST /api/exchange/exchanges/${ID}/cancellation`, {
      status: 409,
      body: { code: "invalid-exchange-transition", title: "Conflict", status: 409, detail: "the host has already declined" },
    });
    showing(anExchange("requested"));

    await userEvent.click(await screen.findByRole("button", { name: "Cancel the exchange" }));
    const form = screen.getByRole("form", { name: "Cancel the exchange" });
    expect(within(form).getByRole("button", { name: "Cancel the exchange" })).toBeDisabled();
    await userEvent.type(within(form).getByLabelText("Reason for cancelling"), "Plans changed");
    await userEvent.click(within(form).getByRole("button", { name: "Cancel the exchange" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("the host has already declined");
    expect(sent.find((r) => r.method === "POST")?.body).toEqual({ reason: "Plans changed" });
  });

  it("writes the commitment with one agenda line per day", async () => {
    signInAs("visitor");
    answer(`PUT /api/exchange/exchanges/${ID}/commitment`, { body: anExchange("accepted", { commitment, version: 2 }) });
    showing(anExchange("accepted"));

    await userEvent.click(await screen.findByRole("button", { name: "Write the commitment" }));
    expect(screen.getAllByLabelText(/^Activities on/)).toHaveLength(4);
    const fill = async (field: HTMLElement, text: string) => {
      await userEvent.click(field);
      await userEvent.paste(text);
    };
    await fill(screen.getByLabelText("Goals (one a line)"), "Learn yarn recycling\nMeet suppliers");
    await fill(screen.getByLabelText("Expected results (one a line)"), "A joint project");
    await fill(screen.getAllByLabelText(/^Activities on/)[0]!, "Tour");
    await userEvent.click(screen.getByRole("button", { name: "Save the commitment" }));

    expect(await screen.findByText("The commitment is saved.")).toBeInTheDocument();
    expect(sent.find((r) => r.method === "PUT")?.body).toEqual({
      goals: ["Learn yarn recycling", "Meet suppliers"],
      expected_results: ["A joint project"],
      first_day: "2026-11-17",
      last_day: "2026-11-20",
      agenda: [{ day: "2026-11-17", activities: "Tour" }],
    });
  });
});
