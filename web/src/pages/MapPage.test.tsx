import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answer } from "../testing/fakeApi";
import { renderPage } from "../testing/render";
import MapPage from "./MapPage";

const MODACC = "0b1c0000-0000-4000-8000-000000000001";
const organisation = {
  type: "Feature",
  geometry: { type: "Point", coordinates: [1.62, 41.58] },
  properties: { id: "o1", legal_name: "Tejidos Rius", category: "sme", country: "ES", value_chains: [] },
};
const indicator = (value: number, unit: string) => ({ value, unit, source: { title: "Idescat", url: "https://www.idescat.cat/" } });

function platform() {
  answer("GET /api/membership/map/organisations.geojson", { body: { type: "FeatureCollection", features: [organisation] } });
  answer("GET /api/exchange/programmes", {
    body: [{ id: "p1", name: "Xchange 2026", created_at: "2026-08-01T00:00:00Z", closed_at: null }],
  });
  answer("GET /api/exchange/programmes/p1/figures", {
    body: {
      programme_id: "p1",
      on: "2026-11-30",
      total: {},
      categories: [],
      by_visitor_cluster: [],
      flows: [
        { from_country: "BG", to_country: "ES", approved: 2, completed: 1 },
        { from_country: "ES", to_country: "FR", approved: 4, completed: 0 },
      ],
    },
  });
  answer("GET /api/knowledge/regional-analyses", {
    body: [
      {
        region_code: "ES51",
        region_name: "Catalonia",
        cluster_id: MODACC,
        year: 2025,
        indicators: { fashion_textile_companies: indicator(4150, "companies"), employment: indicator(52000, "people") },
      },
    ],
  });
  answer("GET /api/membership/clusters", {
    body: [{ id: MODACC, name: "Modacc", short_name: "Modacc", country: "ES", home_region: "Catalonia", city: "Igualada", latitude: 41.58, longitude: 1.62 }],
  });
}

describe("the industry map", () => {
  it("draws the organisations, the flows between countries and the partner regions, with a table and figures of each", async () => {
    platform();
    const { container } = renderPage(<MapPage />);

    expect(await screen.findByText("1 organisations on the map")).toBeInTheDocument();
    const flows = await screen.findByRole("table", { name: /^Exchanges of Xchange 2026/ });
    expect(within(flows).getAllByRole("row")).toHaveLength(3);
    expect(container.querySelectorAll("svg.map circle.marker")).toHaveLength(1);
    expect([...container.querySelectorAll("svg.map path.flow")].map((p) => p.getAttribute("data-flow"))).toEqual(["BG-ES", "ES-FR"]);

    const region = await screen.findByRole("heading", { name: "Catalonia (ES51)" });
    expect(region.closest("li")).toHaveTextContent("Fashion and textile companies4,150 companies");
    expect(region.closest("li")).toHaveTextContent("Latest analysis: 2025");
    expect(within(region.closest("li")!).getAllByRole("link", { name: "Idescat" })[0]).toHaveAttribute("href", "https://www.idescat.cat/");
    expect(screen.getByRole("table", { name: "Fashion and textile companies by partner region" })).toBeInTheDocument();
    expect(container.querySelectorAll("svg.map path.region-marker[data-region='ES51']")).toHaveLength(1);
    expect(container.querySelectorAll("svg.map path.partner-country")).toHaveLength(1);
  });
});
