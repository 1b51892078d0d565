import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import OrganisationPage from "./OrganisationPage";
import { ORGANISATION, PERSON, signInAsOrganisationAdmin } from "./testSession";

const COLLEAGUE = "44444444-4444-4444-8444-444444444444";
const organisation = {
  id: ORGANISATION,
  legal_name: "Teixits Rius SL",
  category: "sme",
  cluster_id: "11111111-1111-4111-8111-111111111111",
  country: "ES",
  region: "ES511",
  city: "Igualada",
  latitude: null,
  longitude: null,
  value_chains: ["fashion_textile"],
  size_band: "small",
  activities: [],
  certifications: [],
  languages: [],
  website: null,
  description: null,
  registration_number: "B-1",
  status: "active",
  applied_at: "2026-11-02T10:00:00Z",
  decided_at: "2026-11-03T10:00:00Z",
  rejection_reason: null,
};
const person = (id: string, display_name: string, role: string) => ({
  id,
  display_name,
  email: `${display_name.split(" ")[0]!.toLowerCase()}@rius.example`,
  language: "es",
  role,
  organisation_id: ORGANISATION,
  cluster_id: null,
  created_at: "2026-11-01T10:00:00Z",
});

function serveOrganisation() {
  signInAsOrganisationAdmin();
  answer("GET /api/membership/people/me", { body: person(PERSON, "Núria Puig", "organisation_admin") });
  answer(`GET /api/membership/organisations/${ORGANISATION}`, { body: organisation });
  answer(`GET /api/membership/organisations/${ORGANISATION}/people`, {
    body: [person(PERSON, "Núria Puig", "organisation_admin"), person(COLLEAGUE, "Jordi Vila", "organisation_member")],
  });
}

describe("the organisation's profile", () => {
  it("sends only what changed, and shows the service's coordinates-incomplete refusal on both fields", async () => {
    serveOrganisation();
    answer(`PATCH /api/membership/organisations/${ORGANISATION}`, {
      status: 422,
      body: { code: "coordinates-incomplete", title: "Unprocessable Content", status: 422, detail: "latitude and longitude go together" },
    });
    renderPage(<OrganisationPage />);

    await userEvent.click(await screen.findByRole("button", { name: "Edit the profile" }));
    await userEvent.type(screen.getByLabelText("Latitude"), "41.58");
    await userEvent.click(screen.getByRole("button", { name: "Save the profile" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Give both latitude and longitude, or neither.");
    expect(screen.getByLabelText("Latitude")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Longitude")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("City")).not.toHaveAttribute("aria-invalid");
    expect(sent.find((r) => r.method === "PATCH")?.body).toEqual({ latitude: 41.58, longitude: null });
  });

  it("names the fields of a schema refusal, and saves a corrected profile", async () => {
    serveOrganisation();
    let attempt = 0;
    answer(`PATCH /api/membership/organisations/${ORGANISATION}`, () => {
      attempt += 1;
      return attempt === 1
        ? {
            status: 422,
            body: {
              code: "validation-failed",
              title: "Unprocessable Content",
              status: 422,
              detail: "The request is not valid.",
              errors: [{ field: "body.website", message: "Input should be a valid URL", type: "url_parsing" }],
            },
          }
        : { body: { ...organisation, website: "https://rius.example" } };
    });
    renderPage(<OrganisationPage />);

    await userEvent.click(await screen.findByRole("button", { name: "Edit the profile" }));
    await userEvent.type(screen.getByLabelText("Website"), "rius");
    await userEvent.click(screen.getByRole("button", { name: "Save the profile" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Some values were not accepted (Website)");
    expect(screen.getByLabelText("Website")).toHaveAttribute("aria-invalid", "true");

    await userEvent.clear(screen.getByLabelText("Website"));
    await userEvent.type(screen.getByLabelText("Website"), "https://rius.example");
    await userEvent.click(screen.getByRole("button", { name: "Save the profile" }));
    expect(await screen.findByText("The profile was saved.")).toBeInTheDocument();
    expect(screen.getByText("https://rius.example")).toBeInTheDocument();
    expect(sent.filter((r) => r.method === "PATCH").at(-1)?.body).toEqual({ website: "https://rius.example" });
  });
});

describe("the organisation's people", () => {
  it("invites a colleague and shows the invitation code the service gives", async () => {
    serveOrganisation();
    answer("POST /api/membership/invitations", {
      status: 201,
      body: {
        id: "55555555-5555-4555-8555-555555555555",
        email: "anna@rius.example",
        role: "organisation_admin",
        organisation_id: ORGANISATION,
        cluster_id: null,
        expires_at: "2026-12-07T10:00:00Z",
        invitation_token: "inv-tok-123",
      },
    });
    renderPage(<OrganisationPage />);

    const invite = within(await screen.findByRole("region", { name: "Invite a colleague" }));
    await userEvent.type(invite.getByLabelText("Colleague's e-mail"), "not an address");
    await userEvent.click(invite.getByRole("button", { name: "Send the invitation" }));
    expect(invite.getByText("Enter an email address like name@example.org.")).toBeInTheDocument();
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(0);

    await userEvent.clear(invite.getByLabelText("Colleague's e-mail"));
    await userEvent.type(invite.getByLabelText("Colleague's e-mail"), "anna@rius.example");
    await userEvent.selectOptions(invite.getByLabelText("Role"), "organisation_admin");
    await userEvent.click(invite.getByRole("button", { name: "Send the invitation" }));

    expect(await invite.findByLabelText(/Invitation code/)).toHaveValue("inv-tok-123");
    expect(invite.getByText(/Invitation for anna@rius.example as Organisation admin/)).toBeInTheDocument();
    expect(sent.find((r) => r.method === "POST")?.body).toEqual({
      email: "anna@rius.example",
      role: "organisation_admin",
      organisation_id: ORGANISATION,
    });
  });

  it("shows a refused invitation in words", async () => {
    serveOrganisation();
    answer("POST /api/membership/invitations", {
      status: 409,
      body: { code: "already-affiliated", title: "Conflict", status: 409, detail: "this person already has a role" },
    });
    renderPage(<OrganisationPage />, { language: "es" });

    const invite = within(await screen.findByRole("region", { name: "Invitar a un/a colega" }));
    await userEvent.type(invite.getByLabelText("Correo electrónico del/de la colega"), "jordi@rius.example");
    await userEvent.click(invite.getByRole("button", { name: "Enviar la invitación" }));
    expect(await invite.findByRole("alert")).toHaveTextContent("Esta persona ya tiene un rol en la plataforma.");
  });

  it("lets the admin make a colleague admin, and remove them only after confirming", async () => {
    serveOrganisation();
    answer(`PUT /api/membership/people/${COLLEAGUE}/role`, { body: person(COLLEAGUE, "Jordi Vila", "organisation_admin") });
    answer(`DELETE /api/membership/people/${COLLEAGUE}/role`, { body: { ...person(COLLEAGUE, "Jordi Vila", ""), role: null } });
    renderPage(<OrganisationPage />);

    const row = within(await screen.findByRole("row", { name: /Jordi Vila/ }));
    expect(within(screen.getByRole("row", { name: /Núria Puig/ })).queryByRole("button")).toBeNull();
    await userEvent.click(row.getByRole("button", { name: "Make admin: Jordi Vila" }));
    expect(await screen.findByText("Jordi Vila is now: Organisation admin.")).toBeInTheDocument();
    expect(sent.find((r) => r.method === "PUT")?.body).toEqual({ role: "organisation_admin", organisation_id: ORGANISATION });

    await userEvent.click(row.getByRole("button", { name: "Remove: Jordi Vila" }));
    expect(sent.filter((r) => r.method === "DELETE")).toHaveLength(0);
    await userEvent.click(row.getByRole("button", { name: "Yes, remove" }));
    expect(await screen.findByText("Jordi Vila was removed from the organisation.")).toBeInTheDocument();
    expect(sent.filter((r) => r.method === "DELETE").map((r) => r.path)).toEqual([`/api/membership/people/${COLLEAGUE}/role`]);
  });
});

describe("the profile's lists", () => {
  it("sends activities and languages as lists, and names a refused language code", async () => {
    serveOrganisation();
    answer(`PATCH /api/membership/organisations/${ORGANISATION}`, {
      status: 422,
      body: {
        code: "validation-failed",
        title: "Unprocessable Content",
        status: 422,
        detail: "The request is not valid.",
        errors: [{ field: "body.languages.1", message: "Input should be 'aa', 'ab'…", type: "literal_error" }],
      },
    });
    renderPage(<OrganisationPage />);

    await userEvent.click(await screen.findByRole("button", { name: "Edit the profile" }));
    await userEvent.type(screen.getByLabelText(/^Activities/), "knitting, dyeing ,");
    await userEvent.type(screen.getByLabelText(/^Languages/), "CA, xx");
    await userEvent.click(screen.getByRole("button", { name: "Save the profile" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Some values were not accepted (Languages)");
    expect(screen.getByLabelText(/^Languages/)).toHaveAttribute("aria-invalid", "true");
    expect(sent.find((r) => r.method === "PATCH")?.body).toEqual({ activities: ["knitting", "dyeing"], languages: ["ca", "xx"] });
  });
});
