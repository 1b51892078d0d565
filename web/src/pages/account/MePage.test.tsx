import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { session } from "../../auth/session";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import MePage from "./MePage";
import { ORGANISATION, PERSON, signInAsOrganisationAdmin } from "./testSession";

function serveMe() {
  signInAsOrganisationAdmin();
  answer("GET /api/membership/people/me", {
    body: {
      id: PERSON,
      display_name: "Núria Puig",
      email: "nuria@rius.example",
      language: "es",
      role: "organisation_admin",
      organisation_id: ORGANISATION,
      cluster_id: null,
      created_at: "2026-11-01T10:00:00Z",
    },
  });
}

describe("my account", () => {
  it("shows the service's reason when the current password is wrong", async () => {
    serveMe();
    answer("PUT /api/membership/people/me/password", {
      status: 401,
      body: { code: "wrong-credentials", title: "Unauthorized", status: 401, detail: "the current password is wrong" },
    });
    renderPage(<MePage />);

    expect(await screen.findByText("nuria@rius.example")).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Current password"), "not it");
    await userEvent.type(screen.getByLabelText("New password"), "short");
    await userEvent.click(screen.getByRole("button", { name: "Change the password" }));
    expect(screen.getByText("Use at least 12 characters.")).toBeInTheDocument();
    expect(sent.filter((r) => r.method === "PUT")).toHaveLength(0);

    await userEvent.type(screen.getByLabelText("New password"), " but longer now");
    await userEvent.click(screen.getByRole("button", { name: "Change the password" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The current password is wrong.");
    expect(sent.find((r) => r.method === "PUT")?.body).toEqual({ current_password: "not it", new_password: "short but longer now" });
  });

  it("erases the person's data only after they confirm, and signs them out", async () => {
    serveMe();
    answer("DELETE /api/membership/people/me", { status: 204 });
    renderPage(<MePage />, { path: "/me" });

    await userEvent.click(await screen.findByRole("button", { name: "Erase my data…" }));
    const erase = screen.getByRole("button", { name: "Erase my data now" });
    expect(erase).toBeDisabled();
    await userEvent.click(screen.getByLabelText("I understand that my account cannot be recovered"));
    await userEvent.click(erase);

    await screen.findByRole("link", { name: "Sign in to see this page." });
    expect(session.current()).toBeNull();
    expect(sent.filter((r) => r.method === "DELETE").map((r) => r.path)).toEqual(["/api/membership/people/me"]);
  });
});
