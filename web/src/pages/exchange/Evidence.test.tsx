import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import { EvidenceList, EvidenceUpload } from "./Evidence";
import { signInAs } from "./fixtures";
import { evidenceProblem } from "./model";

const ID = "e0000000-0000-4000-8000-000000000001";
const uploaded = {
  id: "f0000000-0000-4000-8000-000000000001",
  filename: "attendance.pdf",
  media_type: "application/pdf",
  size: 2048,
  sha256: "ab",
  uploaded_at: "2026-11-20T10:00:00Z",
};

describe("evidence", () => {
  it("accepts PDF, JPEG and PNG files of at most 10 MB", () => {
    expect(evidenceProblem(new File(["%PDF-"], "a.pdf", { type: "application/pdf" }))).toBeNull();
    expect(evidenceProblem(new File(["x"], "photo.png", { type: "image/png" }))).toBeNull();
    expect(evidenceProblem(new File(["x"], "notes.txt", { type: "text/plain" }))).toBe("type");
    expect(evidenceProblem(new File([], "empty.pdf", { type: "application/pdf" }))).toBe("size");
    expect(evidenceProblem(new File([new Uint8Array(10 * 1024 * 1024 + 1)], "big.jpg", { type: "image/jpeg" }))).toBe("size");
  });

  it("refuses a wrong file before sending it", async () => {
    signInAs("visitor");
    renderPage(<EvidenceUpload exchangeId={ID} />);

    const user = userEvent.setup({ applyAccept: false });
    await user.upload(screen.getByLabelText("Evidence file"), new File(["hello"], "notes.txt", { type: "text/plain" }));
    await user.click(screen.getByRole("button", { name: "Upload the file" }));

    expect(screen.getByRole("alert")).toHaveTextContent("Only PDF, JPEG and PNG files are accepted.");
    expect(sent).toHaveLength(0);
  });

  it("uploads the raw file with its name, then lists it for download", async () => {
    signInAs("visitor");
    let files: (typeof uploaded)[] = [];
    answer(`GET /api/exchange/exchanges/${ID}/evidence`, () => ({ body: files }));
    answer(`POST /api/exchange/exchanges/${ID}/evidence`, () => {
      files = [uploaded];
      return { status: 201, body: uploaded };
    });
    renderPage(
      <>
        <EvidenceList exchangeId={ID} />
        <EvidenceUpload exchangeId={ID} />
      </>,
    );
    expect(await screen.findByText("No file uploaded yet.")).toBeInTheDocument();

    await userEvent.upload(screen.getByLabelText("Evidence file"), new File(["%PDF-1.4"], "attendance.pdf", { type: "application/pdf" }));
    await userEvent.click(screen.getByRole("button", { name: "Upload the file" }));

    expect(await screen.findByText("attendance.pdf is uploaded.")).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Download attendance.pdf" })).toBeInTheDocument();
    const post = sent.find((r) => r.method === "POST");
    expect(post?.authorization).toBe("Bearer token-visitor");
    expect(post?.body).not.toEqual(expect.objectContaining({ filename: expect.anything() }));
  });
});
