import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { session } from "../auth/session";
import { answer, sent } from "../testing/fakeApi";
import { renderPage } from "../testing/render";
import SignUpPage from "./SignUpPage";

const TOKEN = {
  access_token: "a1",
  expires_in: 900,
  refresh_token: "r1",
  refresh_expires_in: 86400,
  subject: "p1",
  roles: [],
  organisation_id: null,
  cluster_id: null,
  scopes: [],
  token_type: "bearer",
};

describe("sign-up page", () => {
  it("shows each problem next to its field, in Spanish, and sends nothing", async () => {
    renderPage(<SignUpPage />, { language: "es" });
    await userEvent.type(screen.getByLabelText("Correo electrónico"), "ana@");
    await userEvent.click(screen.getByRole("button", { name: "Crear la cuenta" }));

    expect(screen.getByLabelText("Correo electrónico")).toHaveAccessibleDescription("Escribe un correo como nombre@ejemplo.org.");
    expect(screen.getByLabelText("Tu nombre")).toHaveAccessibleDescription("Este campo es obligatorio.");
    expect(screen.getByLabelText("Contraseña")).toHaveAccessibleDescription("Usa al menos 12 caracteres.");
    expect(sent).toHaveLength(0);
  });

  it("creates the account with the chosen language, signs in, and keeps the session in memory", async () => {
    answer("POST /api/membership/auth/sign-up", {
      status: 202,
      body: { status: "check-your-email", detail: "a link to verify the address was e-mailed" },
    });
    answer("POST /api/membership/auth/sign-in", { status: 200, body: TOKEN });
    renderPage(<SignUpPage />);
    await userEvent.type(screen.getByLabelText("Your name"), " Ana ");
    await userEvent.type(screen.getByLabelText("Email"), "ana@tejidos.example");
    await userEvent.type(screen.getByLabelText("Password"), "long enough password");
    await userEvent.selectOptions(screen.getByLabelText("Preferred language"), "es");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));

    await waitFor(() => expect(session.accessToken()).toBe("a1"));
    expect(sent[0]).toMatchObject({
      method: "POST",
      path: "/api/membership/auth/sign-up",
      body: { display_name: "Ana", email: "ana@tejidos.example", password: "long enough password", language: "es" },
    });
    expect(sent[1]).toMatchObject({
      method: "POST",
      path: "/api/membership/auth/sign-in",
      body: { email: "ana@tejidos.example", password: "long enough password" },
    });
    expect(session.accessToken()).toBe("a1");
    expect(localStorage.getItem("cloth.language")).toBe("es");
    expect(JSON.stringify(localStorage)).not.toContain("a1");
  });

  it("shows the service's refusal", async () => {
    answer("POST /api/membership/auth/sign-up", {
      status: 422,
      body: { title: "Unprocessable", detail: "this password is too common", code: "weak-password" },
    });
    renderPage(<SignUpPage />);
    await userEvent.type(screen.getByLabelText("Your name"), "Ana");
    await userEvent.type(screen.getByLabelText("Email"), "ana@tejidos.example");
    await userEvent.type(screen.getByLabelText("Password"), "long enough password");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("this password is too common");
    expect(session.accessToken()).toBeNull();
  });
});
