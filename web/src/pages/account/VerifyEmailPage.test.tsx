import { screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { answer, fakeFetch, resetFakeApi, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import VerifyEmailPage from "./VerifyEmailPage";

describe("the verification link's page", () => {
  beforeEach(() => {
    resetFakeApi();
    vi.stubGlobal("fetch", fakeFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("sends the link's token once and says the address is confirmed", async () => {
    answer("POST /api/membership/auth/verify-email", { status: 204 });
    renderPage(<VerifyEmailPage />, { path: "/verify-email?token=the-token-of-the-link-0123456789" });
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Your e-mail address is confirmed."));
    expect(sent).toEqual([
      expect.objectContaining({ method: "POST", body: { token: "the-token-of-the-link-0123456789" } }),
    ]);
  });

  it("says in words why a used link confirms nothing", async () => {
    answer("POST /api/membership/auth/verify-email", {
      status: 409,
      body: { title: "Conflict", code: "verification-token-used", detail: "this verification link was already used" },
    });
    renderPage(<VerifyEmailPage />, { path: "/verify-email?token=the-token-of-the-link-0123456789" });
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("This link was already used"));
  });

  it("sends nothing without a token", () => {
    renderPage(<VerifyEmailPage />, { path: "/verify-email" });
    expect(screen.getByRole("alert")).toHaveTextContent("This link is incomplete");
    expect(sent).toEqual([]);
  });
});
