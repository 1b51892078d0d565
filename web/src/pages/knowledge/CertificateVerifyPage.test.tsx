import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import CertificateVerifyPage from "./CertificateVerifyPage";

const CODE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function Pages() {
  return (
    <Routes>
      <Route path="/certificates/verify" element={<CertificateVerifyPage />} />
      <Route path="/certificates/verify/:code" element={<CertificateVerifyPage />} />
    </Routes>
  );
}

describe("certificate verification", () => {
  it("checks the code's form, then shows the service's answer at the code's own address", async () => {
    answer(`GET /api/knowledge/certificates/verify/${CODE}`, {
      body: { status: "valid", course_title: "Circular design", completed_on: "2026-11-20", holder_name: "Núria Puig" },
    });
    renderPage(<Pages />, { path: "/certificates/verify" });
    await userEvent.type(screen.getByLabelText("Verification code"), "not a code");
    await userEvent.click(screen.getByRole("button", { name: "Verify" }));
    expect(screen.getByText(/A code has 26 letters/)).toBeInTheDocument();
    expect(sent).toHaveLength(0);

    await userEvent.clear(screen.getByLabelText("Verification code"));
    await userEvent.type(screen.getByLabelText("Verification code"), CODE.toLowerCase());
    await userEvent.click(screen.getByRole("button", { name: "Verify" }));
    expect(await screen.findByRole("heading", { name: "Valid certificate" })).toBeInTheDocument();
    expect(screen.getByText("Circular design")).toBeInTheDocument();
    expect(screen.getByText("Núria Puig")).toBeInTheDocument();
  });

  it("says when a certificate was revoked, or its holder's data erased", async () => {
    answer(`GET /api/knowledge/certificates/verify/${CODE}`, {
      body: { status: "revoked", course_title: "Circular design", completed_on: "2026-11-20", holder_name: null },
    });
    renderPage(<Pages />, { path: `/certificates/verify/${CODE}`, language: "es" });
    expect(await screen.findByRole("heading", { name: "Este certificado ha sido revocado" })).toBeInTheDocument();
    expect(screen.getByText("Datos borrados a petición del titular")).toBeInTheDocument();
  });

  it("says when no certificate has the code", async () => {
    answer(`GET /api/knowledge/certificates/verify/${CODE}`, { status: 404, body: { code: "not-found", title: "Not found", status: 404 } });
    renderPage(<Pages />, { path: `/certificates/verify/${CODE}` });
    expect(await screen.findByRole("alert")).toHaveTextContent(`No certificate has the code ${CODE}.`);
  });
});
