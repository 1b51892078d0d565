import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderPage } from "../testing/render";
import { FlowsTable } from "./FlowsTable";
import { MAX_WIDTH, MIN_WIDTH, flowArcs } from "./flows";
import { europeProjection } from "./projection";

const flows = [
  { from_country: "BG", to_country: "ES", approved: 2, completed: 1 },
  { from_country: "ES", to_country: "FR", approved: 7, completed: 3 },
  { from_country: "FR", to_country: "ES", approved: 1, completed: 0 },
  { from_country: "DK", to_country: "RO", approved: 0, completed: 0 },
];

describe("the exchange flows", () => {
  it("lists every flow, busiest first, with the countries' names and both counts", () => {
    renderPage(<FlowsTable flows={flows} programme="Xchange 2026" />);

    const table = screen.getByRole("table", { name: "Exchanges of Xchange 2026 from the visitor's country to the host's" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(["SpainFrance73", "BulgariaSpain21", "FranceSpain10", "DenmarkRomania00"]);
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "From (visitor)",
      "To (host)",
      "Approved",
      "Completed",
    ]);
  });

  it("names the countries in the reader's language", () => {
    renderPage(<FlowsTable flows={flows.slice(0, 1)} programme="Xchange" />, { language: "es" });
    expect(screen.getByRole("rowheader", { name: "Bulgaria" }).closest("tr")).toHaveTextContent("España");
    expect(screen.getByRole("columnheader", { name: "Desde (visitante)" })).toBeInTheDocument();
  });

  it("says so when no exchange crossed a border yet", () => {
    renderPage(<FlowsTable flows={[]} programme="Xchange" />);
    expect(screen.getByText("No exchange between countries yet.")).toBeInTheDocument();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("draws a line per flow with approved exchanges, wider with more, each direction on its own curve", () => {
    const arcs = flowArcs(europeProjection(), flows);

    expect(arcs.map((a) => `${a.flow.from_country}-${a.flow.to_country}`)).toEqual(["BG-ES", "ES-FR", "FR-ES"]);
    const width = Object.fromEntries(arcs.map((a) => [a.flow.from_country + a.flow.to_country, a.width]));
    expect(width.ESFR).toBe(MAX_WIDTH);
    expect(width.FRES).toBe(MIN_WIDTH);
    expect(width.BGES).toBeGreaterThan(MIN_WIDTH);
    expect(width.BGES).toBeLessThan(MAX_WIDTH);
    const control = (d: string) => d.split("Q")[1]!.split(" ")[0];
    expect(control(arcs[1]!.d)).not.toEqual(control(arcs[2]!.d));
  });
});
