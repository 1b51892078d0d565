import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, screenshot, watchForPageErrors } from "./checks";

// The admin of an approved demo organisation (deploy/local/demo-data.py: org<index>.<cluster>).
const ADMIN = { email: "org0.bfa@demo.cloth.local", password: "demo password, dev only" };

async function signIn(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: /^Inbox/ })).toBeVisible();
}

test("an organisation admin edits the profile, invites a colleague, chooses notifications and sees their account", async ({
  page,
}) => {
  const errors = watchForPageErrors(page);
  await signIn(page);

  await page.getByRole("link", { name: "My organisation" }).click();
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "account-organisation");

  // A coordinate alone is refused by the service (coordinates-incomplete), in words, on the fields.
  await page.getByRole("button", { name: "Edit the profile" }).click();
  await page.getByLabel("Longitude").fill("");
  await page.getByRole("button", { name: "Save the profile" }).click();
  await expect(page.getByRole("alert")).toHaveText("Give both latitude and longitude, or neither.");
  await expect(page.getByLabel("Latitude")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await screenshot(page, "account-profile-refused");
  await page.getByRole("button", { name: "Cancel" }).click();

  const colleague = `colleague.${Date.now().toString(36)}@bfa.example`;
  const invite = page.getByRole("region", { name: "Invite a colleague" });
  await invite.getByLabel("Colleague's e-mail").fill(colleague);
  await invite.getByRole("button", { name: "Send the invitation" }).click();
  await expect(invite.getByText(`Invitation for ${colleague} as Member`)).toBeVisible();
  await expect(invite.getByLabel(/Invitation code/)).not.toHaveValue("");
  await expectAccessible(page);
  await screenshot(page, "account-invited");

  await page.getByRole("link", { name: "Notification preferences" }).click();
  const exchangesByEmail = page.getByRole("combobox", { name: "Exchanges, E-mail" });
  await exchangesByEmail.selectOption("weekly_digest");
  await expect(page.getByText("Saved: Exchanges, E-mail: Weekly digest.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Security/ }).getByText("Always at once (security)")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "account-preferences");

  await page.getByRole("link", { name: "My account" }).click();
  await expect(page.getByText(ADMIN.email, { exact: true })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download my data" }).click();
  expect((await download).suggestedFilename()).toBe("my-cloth-data.json");
  await expectAccessible(page);
  await screenshot(page, "account-me");

  await page.getByRole("link", { name: /^Inbox/ }).click();
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  await expectAccessible(page);

  // Last, as it ends every session of this account: the header's inbox (and its stream) goes too.
  await page.getByRole("link", { name: "My account" }).click();
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Inbox/ })).toHaveCount(0);
  expect(errors).toEqual([]);
});
