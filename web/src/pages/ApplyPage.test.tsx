import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { session } from "../auth/session";
import { answer, sent } from "../testing/fakeApi";
import { renderPage } from "../testing/render";
import ApplyPage from "./ApplyPage";

const MODACC = "00000000-0000-0000-0000-00000000000a";
const clusters = [
  { id: MODACC, name: "Clúster Català de la Moda", short_name: "Modacc", country: "ES", home_region: "ES51", city: "Igualada", latitude: 41.58, longitude: 1.62 },
];

function signIn() {
  session.start({
    access_token: "p1",
    expires_in: 900,
    refresh_token: null,
    refresh_expires_in: null,
    subject: "p",
    roles: [],
    organisation_id: null,
    cluster_id: null,
    scopes: [],
    token_type: "bearer",
  });
}

describe("apply page", () => {
  it("sends the application with the cluster's country filled in", async () => {
    signIn();
    answer("GET /api/membership/clusters", { body: clusters });
    answer("POST /api/membership/organisations", (request) => ({ status: 201, body: { legal_name: "Teixits Puig SL", request: request.url } }));
    renderPage(<ApplyPage />);

    await userEvent.type(await screen.findByLabelText("Legal name"), "Teixits Puig SL");
    await userEvent.selectOptions(screen.getByLabelText("Home cluster"), MODACC);
    expect(screen.getByLabelText("Country (two-letter code)")).toHaveValue("ES");
    await userEvent.type(screen.getByLabelText("Registration or VAT number"), "B-66778899");
    await userEvent.click(screen.getByLabelText("Circular economy"));
    await userEvent.click(screen.getByRole("button", { name: "Send the application" }));

    expect(await screen.findByRole("status")).toHaveTextContent("Application sent for Teixits Puig SL.");
    const post = sent.find((r) => r.method === "POST");
    expect(post?.authorization).toBe("Bearer p1");
    expect(post?.body).toMatchObject({
      legal_name: "Teixits Puig SL",
      category: "sme",
      cluster_id: MODACC,
      country: "ES",
      registration_number: "B-66778899",
      city: null,
      value_chains: ["circular_economy"],
    });
  });

  it("names what is missing and sends nothing", async () => {
    signIn();
    answer("GET /api/membership/clusters", { body: clusters });
    renderPage(<ApplyPage />);

    await userEvent.click(await screen.findByRole("button", { name: "Send the application" }));

    expect(screen.getByRole("alert")).toHaveTextContent("Please correct the fields marked below.");
    expect(screen.getByLabelText("Legal name")).toHaveAccessibleDescription("This field is required.");
    expect(screen.getByText("Choose at least one.")).toBeInTheDocument();
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(0);
  });

  it("asks a visitor to sign in first", () => {
    renderPage(<ApplyPage />);
    expect(screen.getByRole("link", { name: "Sign in or create an account to apply." })).toBeInTheDocument();
  });
});
