import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import PreferencesPage from "./PreferencesPage";
import { signInAsOrganisationAdmin } from "./testSession";

const CATEGORIES = ["security", "account", "membership", "catalogue", "exchanges"] as const;
const preferences = CATEGORIES.flatMap((category) => [
  { category, channel: "in_app", frequency: "immediate" },
  { category, channel: "email", frequency: category === "catalogue" ? "daily_digest" : "immediate" },
]);

describe("notification preferences", () => {
  it("shows every category and channel, security e-mail as fixed, and saves a choice at once", async () => {
    signInAsOrganisationAdmin();
    answer("GET /api/notifications/preferences", { body: preferences });
    answer("PUT /api/notifications/preferences/exchanges/email", { body: { category: "exchanges", channel: "email", frequency: "weekly_digest" } });
    renderPage(<PreferencesPage />);

    const email = await screen.findByRole("combobox", { name: "Exchanges, E-mail" });
    expect(screen.getByRole("combobox", { name: "Hosting offers, E-mail" })).toHaveValue("daily_digest");
    const security = screen.getByRole("row", { name: /Security/ });
    expect(within(security).getByText("Always at once (security)")).toBeInTheDocument();
    expect(screen.queryByRole("combobox", { name: "Security, E-mail" })).toBeNull();
    // Digests are e-mail: the in-app inbox offers at once or off only.
    const inApp = screen.getByRole("combobox", { name: "Exchanges, In the app" });
    expect(within(inApp).getAllByRole("option").map((o) => o.textContent)).toEqual(["At once", "Off"]);

    await userEvent.selectOptions(email, "weekly_digest");

    expect(await screen.findByText("Saved: Exchanges, E-mail: Weekly digest.")).toBeInTheDocument();
    expect(sent.find((r) => r.method === "PUT")).toMatchObject({
      path: "/api/notifications/preferences/exchanges/email",
      body: { frequency: "weekly_digest" },
      authorization: "Bearer t1",
    });
    expect(email).toHaveValue("weekly_digest");
  });

  it("says in the reader's language why the service refused a choice", async () => {
    signInAsOrganisationAdmin();
    answer("GET /api/notifications/preferences", { body: preferences });
    answer("PUT /api/notifications/preferences/membership/email", {
      status: 422,
      body: { code: "security-mail-always-sent", title: "Unprocessable Content", status: 422, detail: "security e-mail …" },
    });
    renderPage(<PreferencesPage />, { language: "es" });

    await userEvent.selectOptions(await screen.findByRole("combobox", { name: "Adhesión, Correo electrónico" }), "off");

    expect(await screen.findByRole("alert")).toHaveTextContent("Los correos de seguridad siempre se envían al momento.");
  });
});
