import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { answer, fakeFetch, resetFakeApi, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import { EmailForm } from "./EmailForm";

describe("changing the e-mail address", () => {
  beforeEach(() => {
    resetFakeApi();
    vi.stubGlobal("fetch", fakeFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("checks the address before sending, then says a link is on its way to the new one", async () => {
    answer("PUT /api/membership/people/me/email", { status: 202, body: { status: "check-your-email", detail: "…" } });
    renderPage(<EmailForm current="ana@old.example" />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("New e-mail address"), "not an address");
    await user.type(screen.getByLabelText("Your password, to confirm it is you"), "my password");
    await user.click(screen.getByRole("button", { name: "Send a link to the new address" }));
    expect(sent).toEqual([]);

    await user.clear(screen.getByLabelText("New e-mail address"));
    await user.type(screen.getByLabelText("New e-mail address"), "ana@new.example");
    await user.click(screen.getByRole("button", { name: "Send a link to the new address" }));

    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("a link is on its way"));
    expect(sent.at(-1)).toMatchObject({
      method: "PUT",
      path: "/api/membership/people/me/email",
      body: { email: "ana@new.example", current_password: "my password" },
    });
  });

  it("names the service's refusal in words", async () => {
    answer("PUT /api/membership/people/me/email", {
      status: 422,
      body: { title: "Invalid input", code: "email-unchanged", detail: "this is already the account's address" },
    });
    renderPage(<EmailForm current="ana@old.example" />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("New e-mail address"), "ana@old.example");
    await user.type(screen.getByLabelText("Your password, to confirm it is you"), "my password");
    await user.click(screen.getByRole("button", { name: "Send a link to the new address" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("This is already your address."));
  });
});
