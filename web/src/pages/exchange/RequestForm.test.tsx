import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import { HOST_ORG, PROGRAMME, VISITOR_ORG, offer, signInAs } from "./fixtures";
import SuggestionsPage from "./SuggestionsPage";

const programme = {
  id: PROGRAMME,
  name: "Fashion ClusterXchange (demo)",
  created_at: "2026-08-01T10:00:00Z",
  closed_at: null,
  application_window: { first: "2026-08-01", last: "2027-08-01" },
  activity_window: { first: "2026-08-01", last: "2027-12-01" },
  lump_sum_caps: { BG: "700.00" },
  quotas: [],
  target: 100,
};
const suggestion = {
  offer,
  score: 72,
  parts: [
    { name: "shared_value_chains", points: 12.5, out_of: 25, why: "shares 1 of your 2 value chains" },
    { name: "distance", points: 4.7, out_of: 15, why: "1,720 km apart" },
  ],
};

function suggestionsAnswered() {
  signInAs("visitor");
  answer(`GET /api/exchange/organisations/${VISITOR_ORG}/suggested-hosts`, { body: [suggestion] });
  answer("GET /api/exchange/programmes", { body: [programme] });
}

describe("suggested hosts and the request form", () => {
  it("shows each part of the score as words and as a bar", async () => {
    suggestionsAnswered();
    renderPage(<SuggestionsPage />);

    const item = (await screen.findByText(/Score: 72 of 100/)).closest("li")!;
    expect(within(item).getByRole("img", { name: "Shared value chains: 12.5 of 25 points" })).toBeInTheDocument();
    expect(within(item).getByText("1,720 km apart")).toBeInTheDocument();
    expect(sent[0]?.path).toBe(`/api/exchange/organisations/${VISITOR_ORG}/suggested-hosts`);
  });

  it("lists every eligibility rule a refused request fails, in the reader's language", async () => {
    suggestionsAnswered();
    answer(`POST /api/exchange/programmes/${PROGRAMME}/exchanges`, {
      status: 422,
      body: {
        type: "urn:cloth:problem:not-eligible",
        code: "not-eligible",
        title: "Unprocessable content",
        status: 422,
        detail: "this exchange is not eligible: …",
        refusals: [
          { code: "same-country", reason: "visitor and host are in the same country" },
          { code: "too-short", reason: "at least 3 working days" },
          { code: "a-rule-added-later", reason: "a rule this page does not know yet" },
        ],
      },
    });
    renderPage(<SuggestionsPage />, { language: "es" });

    await userEvent.click(await screen.findByRole("button", { name: "Solicitar un intercambio con Sofia Recycled Yarns" }));
    await userEvent.type(screen.getByLabelText("Mensaje para el anfitrión"), "Hola");
    await userEvent.click(screen.getByRole("button", { name: "Enviar la solicitud" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("No se puede solicitar este intercambio:");
    expect(within(alert).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "El anfitrión está en tu propio país; los intercambios son entre dos países.",
      "Un intercambio dura al menos 3 días laborables en el país del anfitrión.",
      "a rule this page does not know yet",
    ]);
    const post = sent.find((r) => r.method === "POST");
    expect(post?.authorization).toBe("Bearer token-visitor");
    expect(post?.body).toMatchObject({
      visitor_organisation_id: VISITOR_ORG,
      host_organisation_id: HOST_ORG,
      hosting_offer_id: offer.id,
      activity_kind: "knowledge_sharing",
      message: "Hola",
    });
  });

  it("asks for both dates before sending anything", async () => {
    suggestionsAnswered();
    renderPage(<SuggestionsPage />);

    await userEvent.click(await screen.findByRole("button", { name: "Request an exchange with Sofia Recycled Yarns" }));
    const form = screen.getByRole("form", { name: "Request an exchange with Sofia Recycled Yarns" });
    await userEvent.clear(within(form).getByLabelText("First day"));
    await userEvent.click(within(form).getByRole("button", { name: "Send the request" }));

    expect(screen.getByRole("alert")).toHaveTextContent("Choose the programme and both dates.");
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(0);
  });
});
