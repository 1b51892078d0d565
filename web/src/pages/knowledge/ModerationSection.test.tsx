import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import { ModerationSection } from "./ModerationSection";
import { CLUSTER, ORGANISATION, signInAs } from "./testTokens";

const submitted = (id: string, title: string) => ({
  id,
  group_id: id,
  kind: "guide",
  language: "ca",
  author_organisation_id: ORGANISATION,
  status: "submitted",
  revision: 1,
  title,
  summary: "Resum.",
  body_html: "<p>Text</p>",
  tags: [],
  value_chains: [],
  regions: [],
  links: [],
  published_at: null,
  latest_revision: { number: 1, status: "submitted", title, written_at: "2026-11-29T10:00:00Z", comment: null, decided_at: null },
});

function Queue() {
  const [announcement, setAnnouncement] = useState("");
  return (
    <>
      <p role="status">{announcement}</p>
      <ModerationSection clusterId={CLUSTER} announce={setAnnouncement} />
    </>
  );
}

describe("moderation in the work queue", () => {
  it("publishes a resource in place and drops it from the queue", async () => {
    signInAs(["cluster_manager"], { cluster_id: CLUSTER });
    let queue = [submitted("r1", "Tints naturals"), submitted("r2", "Fils reciclats")];
    answer("GET /api/knowledge/resources/moderation-queue", () => ({ body: queue }));
    answer("POST /api/knowledge/resources/r1/publish", () => {
      queue = queue.filter((r) => r.id !== "r1");
      return { body: { ...submitted("r1", "Tints naturals"), status: "published" } };
    });
    renderPage(<Queue />);
    const item = (await screen.findByRole("heading", { name: "Tints naturals" })).closest("li")!;
    await userEvent.click(within(item).getByRole("button", { name: "Publish" }));
    expect(await screen.findByText("“Tints naturals” is published.")).toHaveRole("status");
    await screen.findByRole("heading", { name: "Fils reciclats" });
    expect(screen.queryByRole("heading", { name: "Tints naturals" })).toBeNull();
  });

  it("sends back only with a comment, and sends that comment", async () => {
    signInAs(["cluster_manager"], { cluster_id: CLUSTER });
    answer("GET /api/knowledge/resources/moderation-queue", { body: [submitted("r1", "Tints naturals")] });
    answer("POST /api/knowledge/resources/r1/send-back", { body: { ...submitted("r1", "Tints naturals"), status: "sent_back" } });
    renderPage(<Queue />, { language: "es" });
    await userEvent.click(await screen.findByRole("button", { name: "Devolver" }));
    await userEvent.click(screen.getByRole("button", { name: "Devolver con este comentario" }));
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(0);

    await userEvent.type(screen.getByLabelText("Comentario para la autoría"), "Añadid las fuentes de los datos.");
    await userEvent.click(screen.getByRole("button", { name: "Devolver con este comentario" }));
    expect(await screen.findByText("«Tints naturals» se ha devuelto a su autoría.")).toBeInTheDocument();
    expect(sent.find((r) => r.method === "POST")?.body).toEqual({ comment: "Añadid las fuentes de los datos." });
  });

  it("says when nothing waits", async () => {
    signInAs(["cluster_manager"], { cluster_id: CLUSTER });
    answer("GET /api/knowledge/resources/moderation-queue", { body: [] });
    renderPage(<Queue />);
    expect(await screen.findByText("No resource is waiting for moderation.")).toBeInTheDocument();
  });
});
