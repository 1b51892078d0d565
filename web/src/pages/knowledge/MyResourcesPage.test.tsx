import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import MyResourcesPage from "./MyResourcesPage";
import ResourceEditorPage from "./ResourceEditorPage";
import { ORGANISATION, signInAs } from "./testTokens";

const resource = (id: string, title: string, status: string, comment: string | null = null) => ({
  id,
  group_id: id,
  kind: "guide",
  language: "es",
  author_organisation_id: ORGANISATION,
  status,
  revision: 1,
  title,
  summary: "Resumen.",
  body_html: "<p>Texto</p>",
  tags: [],
  value_chains: [],
  regions: [],
  links: [],
  published_at: null,
  latest_revision: { number: 1, status, title, written_at: "2026-11-29T10:00:00Z", comment, decided_at: null },
});

function Pages() {
  return (
    <Routes>
      <Route path="/library/mine" element={<MyResourcesPage />} />
      <Route path="/library/new" element={<ResourceEditorPage />} />
      <Route path="/library/:id/translate" element={<ResourceEditorPage />} />
    </Routes>
  );
}

describe("my organisation's resources", () => {
  it("is for the people of an organisation", () => {
    signInAs(["cluster_manager"]);
    renderPage(<Pages />, { path: "/library/mine" });
    expect(screen.getByText("Writing resources is for the people of a member organisation.")).toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });

  it("shows the moderator's comment on a resource sent back, and submits it again", async () => {
    signInAs(["organisation_admin"], { organisation_id: ORGANISATION });
    let list = [resource("r1", "Guía de tintes", "sent_back", "Añadid las fuentes."), resource("r2", "Fibras", "published")];
    answer(`GET /api/knowledge/organisations/${ORGANISATION}/resources`, () => ({ body: list }));
    answer("POST /api/knowledge/resources/r1/submit", () => {
      list = [resource("r1", "Guía de tintes", "submitted"), list[1]!];
      return { body: list[0] };
    });
    renderPage(<Pages />, { path: "/library/mine", language: "es" });
    const item = (await screen.findByRole("heading", { name: "Guía de tintes" })).closest("li")!;
    expect(within(item).getByText("Añadid las fuentes.")).toBeInTheDocument();
    const published = screen.getByRole("heading", { name: "Fibras" }).closest("li")!;
    expect(within(published).queryByRole("button", { name: "Enviar a moderación" })).toBeNull();
    expect(within(published).getByRole("link", { name: "Editar" })).toHaveAttribute("href", "/library/r2/edit");

    await userEvent.click(within(item).getByRole("button", { name: "Enviar a moderación" }));
    expect(await screen.findByText("«Guía de tintes» se ha enviado a moderación.")).toHaveRole("status");
    expect(await within(item).findByText(/Pendiente de moderación/)).toBeInTheDocument();
    expect(sent.filter((r) => r.method === "POST").map((r) => r.path)).toEqual(["/api/knowledge/resources/r1/submit"]);
  });

  it("writes a new resource for the person's organisation and comes back to the list", async () => {
    signInAs(["organisation_member"], { organisation_id: ORGANISATION });
    answer("POST /api/knowledge/resources", () => ({ status: 201, body: resource("r9", "Tintes naturales", "draft") }));
    answer(`GET /api/knowledge/organisations/${ORGANISATION}/resources`, { body: [resource("r9", "Tintes naturales", "draft")] });
    renderPage(<Pages />, { path: "/library/new" });

    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Please correct the fields marked below.");
    expect(sent).toHaveLength(0);

    await userEvent.type(screen.getByLabelText("Title"), "Tintes naturales");
    await userEvent.type(screen.getByLabelText("Summary"), "Con plantas.");
    await userEvent.type(screen.getByLabelText("Text (Markdown)"), "## Plantas");
    await userEvent.selectOptions(screen.getByLabelText("Language of the resource"), "es");
    await userEvent.type(screen.getByLabelText("Tags (separated by commas)"), "tintes, lana, tintes");
    await userEvent.click(screen.getByLabelText("Circular economy"));
    await userEvent.type(screen.getByLabelText("Links (one per line)"), "https://example.org/a{Enter}javascript:alert(1)");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByText("Each link starts with http:// or https:// and has no spaces.")).toBeInTheDocument();
    expect(sent).toHaveLength(0);

    await userEvent.clear(screen.getByLabelText("Links (one per line)"));
    await userEvent.type(screen.getByLabelText("Links (one per line)"), "https://example.org/a");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("“Tintes naturales” was saved.")).toHaveRole("status");
    expect(sent.find((r) => r.method === "POST")?.body).toEqual({
      title: "Tintes naturales",
      summary: "Con plantas.",
      body: "## Plantas",
      kind: "guide",
      language: "es",
      author_organisation_id: ORGANISATION,
      tags: ["tintes", "lana"],
      value_chains: ["circular_economy"],
      regions: [],
      links: ["https://example.org/a"],
    });
  });

  it("translates a resource from its latest revision into another language", async () => {
    signInAs(["organisation_member"], { organisation_id: ORGANISATION });
    answer("GET /api/knowledge/resources/r1", { body: { ...resource("r1", "Guía de tintes", "published"), language: "es" } });
    answer("GET /api/knowledge/resources/r1/revisions/1", {
      body: {
        number: 1,
        status: "published",
        title: "Guía de tintes",
        written_at: "2026-11-29T10:00:00Z",
        comment: null,
        decided_at: null,
        summary: "Con plantas.",
        body: "## Plantas",
        body_html: "<h2>Plantas</h2>",
        tags: ["tintes"],
        value_chains: [],
        regions: ["ES51"],
        links: [],
      },
    });
    answer("POST /api/knowledge/resources/r1/translations", { status: 201, body: resource("r2", "Guia de tints", "draft") });
    answer(`GET /api/knowledge/organisations/${ORGANISATION}/resources`, { body: [] });
    renderPage(<Pages />, { path: "/library/r1/translate" });

    expect(await screen.findByRole("heading", { name: "Translate the resource" })).toBeInTheDocument();
    expect(await screen.findByLabelText("Kind of resource")).toBeDisabled();
    await userEvent.selectOptions(screen.getByLabelText("Language of the resource"), "ca");
    await userEvent.clear(screen.getByLabelText("Title"));
    await userEvent.type(screen.getByLabelText("Title"), "Guia de tints");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("“Guia de tints” was saved.")).toBeInTheDocument();
    expect(sent.find((r) => r.method === "POST")).toMatchObject({
      path: "/api/knowledge/resources/r1/translations",
      body: { language: "ca", title: "Guia de tints", summary: "Con plantas.", body: "## Plantas", tags: ["tintes"], regions: ["ES51"] },
    });
  });
});
