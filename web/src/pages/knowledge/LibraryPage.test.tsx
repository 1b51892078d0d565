import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes, useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import LibraryPage from "./LibraryPage";

const hit = (title: string, snippet_html: string | null = null) => ({
  resource_id: "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
  group_id: "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
  kind: "guide",
  language: "es",
  author_organisation_id: "0e2b5a4c-8f3d-4a61-b2c7-5d9e1f3a7b02",
  title,
  summary: "Cómo diseñar prendas sostenibles.",
  tags: ["demo"],
  value_chains: [],
  regions: [],
  published_at: "2026-11-30T12:00:00Z",
  rank: 0.5,
  snippet_html,
});

function Address() {
  const location = useLocation();
  return <div data-testid="address">{location.search}</div>;
}

function Page() {
  return (
    <>
      <LibraryPage />
      <Routes>
        <Route path="*" element={<Address />} />
      </Routes>
    </>
  );
}

const queries = () => sent.filter((r) => r.path === "/api/knowledge/resources");

describe("library search", () => {
  it("searches from the address, then puts each new search and filter in it", async () => {
    const asked: string[] = [];
    answer("GET /api/knowledge/resources", (request) => {
      asked.push(new URL(request.url).search);
      return {
        body: {
          total: 1,
          limit: 10,
          offset: 0,
          hits: [hit("Moda sostenible", "colecciones <mark>sostenibles</mark>")],
          facets: { kind: { guide: 1, tool: 3 }, language: { es: 1 }, tag: { demo: 1 } },
        },
      };
    });
    renderPage(<Page />, { path: "/library?q=moda&language=es" });

    expect(await screen.findByRole("link", { name: "Moda sostenible" })).toHaveAttribute("href", "/library/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f");
    expect(asked[0]).toContain("q=moda");
    expect(asked[0]).toContain("language=es");
    expect(asked[0]).toContain("limit=10");
    expect(screen.getByLabelText("Search the library")).toHaveValue("moda");
    expect(screen.getByRole("option", { name: "Español (1)" })).toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText("Search the library"));
    await userEvent.type(screen.getByLabelText("Search the library"), "reciclado");
    await userEvent.click(screen.getByRole("button", { name: "Search" }));
    expect(screen.getByTestId("address")).toHaveTextContent("?q=reciclado&language=es");

    await userEvent.selectOptions(screen.getByLabelText("Kind"), "Tool (3)");
    expect(screen.getByTestId("address")).toHaveTextContent("?q=reciclado&kind=tool&language=es");
    expect(asked.at(-1)).toContain("kind=tool");
  });

  it("says which words were searched when those typed found nothing, as a link", async () => {
    answer("GET /api/knowledge/resources", {
      body: { total: 1, limit: 10, offset: 0, hits: [hit("Moda sostenible")], facets: {}, corrected_query: "sostenible" },
    });
    renderPage(<Page />, { path: "/library?q=sostenibel" });
    const status = await screen.findByText(/Nothing matched the words you typed/);
    expect(status).toHaveRole("status");
    expect(status).toHaveTextContent("Nothing matched the words you typed. Showing the results for sostenible.");
    expect(within(status).getByRole("link", { name: "sostenible" })).toHaveAttribute("href", "/library?q=sostenible");
  });

  it("pages with previous and next, the page size capped", async () => {
    answer("GET /api/knowledge/resources", (request) => {
      const offset = Number(new URL(request.url).searchParams.get("offset") ?? 0);
      return { body: { total: 25, limit: 10, offset, hits: [hit(`Result from ${offset}`)], facets: {} } };
    });
    renderPage(<Page />, { path: "/library" });
    await screen.findByRole("link", { name: "Result from 0" });
    expect(screen.getByRole("button", { name: "Previous" })).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    await screen.findByRole("link", { name: "Result from 10" });
    expect(screen.getByTestId("address")).toHaveTextContent("?offset=10");
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    await screen.findByRole("link", { name: "Result from 20" });
    expect(screen.getByRole("button", { name: "Next" })).toBeDisabled();
    expect(queries().every((r) => r.method === "GET")).toBe(true);
  });
});
