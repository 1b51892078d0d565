import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { session } from "../../auth/session";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import ClustersPage from "./ClustersPage";

function signInAsAdmin() {
  session.start({
    access_token: "a1",
    expires_in: 900,
    refresh_token: null,
    refresh_expires_in: null,
    subject: "admin",
    roles: ["platform_admin"],
    organisation_id: null,
    cluster_id: null,
    scopes: [],
    token_type: "bearer",
  });
}

const prato = { id: "c9", name: "Tessile Prato", short_name: "TP", country: "IT", home_region: "Tuscany", city: "Prato", latitude: 43.88, longitude: 11.1 };

describe("clusters", () => {
  it("adds a cluster with its position and lists it", async () => {
    signInAsAdmin();
    let clusters: unknown[] = [];
    answer("GET /api/membership/clusters", () => ({ body: clusters }));
    answer("POST /api/membership/clusters", () => {
      clusters = [prato];
      return { status: 201, body: prato };
    });
    renderPage(<ClustersPage />);

    await userEvent.type(await screen.findByLabelText("Name"), "Tessile Prato");
    await userEvent.type(screen.getByLabelText("Short name"), "TP");
    await userEvent.type(screen.getByLabelText("Country (two-letter code)"), "it");
    await userEvent.type(screen.getByLabelText("Home region"), "Tuscany");
    await userEvent.type(screen.getByLabelText("City"), "Prato");
    await userEvent.type(screen.getByLabelText("Latitude"), "43,88");
    await userEvent.type(screen.getByLabelText("Longitude"), "11.1");
    await userEvent.click(screen.getByRole("button", { name: "Add the cluster" }));

    expect(await screen.findByText("Tessile Prato was added.")).toBeInTheDocument();
    expect(sent.find((r) => r.method === "POST")?.body).toEqual({
      name: "Tessile Prato",
      short_name: "TP",
      country: "IT",
      home_region: "Tuscany",
      city: "Prato",
      latitude: 43.88,
      longitude: 11.1,
    });
    expect(await screen.findByRole("rowheader", { name: "Tessile Prato" })).toBeInTheDocument();
  });

  it("refuses a one-letter short name and a latitude beyond the pole, without sending", async () => {
    signInAsAdmin();
    answer("GET /api/membership/clusters", { body: [] });
    renderPage(<ClustersPage />, { language: "es" });

    await userEvent.type(await screen.findByLabelText("Nombre corto"), "T");
    await userEvent.type(screen.getByLabelText("Latitud"), "91");
    await userEvent.click(screen.getByRole("button", { name: "Añadir el clúster" }));

    expect(screen.getByLabelText("Nombre corto")).toHaveAccessibleDescription("Usa al menos 2 caracteres.");
    expect(screen.getByLabelText("Latitud")).toHaveAccessibleDescription("Un número de grados entre -90 y 90.");
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(0);
  });
});
