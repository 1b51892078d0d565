import { expect, test } from "@playwright/test";
import { expectAccessible, screenshot, watchForPageErrors } from "./checks";

const MANAGER = { email: "manager.modacc@demo.cloth.local", password: "demo password, dev only" };

test("a person signs up and applies for an SME; the cluster manager approves it in the work queue", async ({
  browser,
}) => {
  const run = Date.now().toString(36);
  const name = `Teixits Browser ${run}`;

  const applicant = await (await browser.newContext()).newPage();
  const errors = watchForPageErrors(applicant);
  await applicant.goto("/sign-up");
  await expectAccessible(applicant);
  await applicant.getByLabel("Your name").fill("Núria Puig");
  await applicant.getByLabel("Email").fill(`nuria.${run}@teixits.example`);
  await applicant.getByLabel("Password").fill("a long browser-test password");
  await screenshot(applicant, "sign-up");
  await applicant.getByRole("button", { name: "Create account" }).click();

  await expect(applicant.getByRole("heading", { name: "Apply for an organisation" })).toBeVisible();
  await applicant.getByLabel("Legal name").fill(name);
  await applicant.getByLabel("Category").selectOption("sme");
  const cluster = applicant.getByLabel("Home cluster");
  const modacc = await cluster.locator("option", { hasText: "(Modacc)" }).getAttribute("value");
  await cluster.selectOption(modacc!);
  await expect(applicant.getByLabel("Country (two-letter code)")).toHaveValue("ES");
  await applicant.getByLabel("Registration or VAT number").fill(`B-${run}`.toUpperCase());
  await applicant.getByLabel("City").fill("Igualada");
  await applicant.getByLabel("Fashion and textile").check();
  await expectAccessible(applicant);
  await screenshot(applicant, "apply");
  await applicant.getByRole("button", { name: "Send the application" }).click();
  await expect(applicant.getByText(`Application sent for ${name}.`)).toBeVisible();

  // The applicant opens the inbox (a link, not a reload: tokens live in memory) and keeps it open.
  // Applying made them their organisation's admin (PersonJoined): a welcome, and one unread.
  await applicant.getByRole("link", { name: /^Inbox/ }).click();
  await expect(applicant.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  await expect(applicant.getByRole("heading", { name: /Welcome to the CLOTH platform/ })).toBeVisible();
  await expect(applicant.getByRole("link", { name: "Inbox (1)" })).toBeVisible();
  await expectAccessible(applicant);
  await screenshot(applicant, "account-inbox");
  expect(errors).toEqual([]);

  const manager = await (await browser.newContext()).newPage();
  await manager.goto("/sign-in");
  await expectAccessible(manager);
  await manager.getByLabel("Email").fill(MANAGER.email);
  await manager.getByLabel("Password").fill(MANAGER.password);
  await manager.getByRole("button", { name: "Sign in" }).click();
  await manager.getByRole("link", { name: "Work queue" }).click();

  const application = manager.getByRole("listitem").filter({ has: manager.getByRole("heading", { name }) });
  await expect(application).toBeVisible();
  await expectAccessible(manager);
  await screenshot(manager, "work-queue");
  await application.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByText(`${name} is now a member.`)).toBeVisible();
  await expect(manager.getByRole("heading", { name })).toHaveCount(0);

  // Approval announces SMEJoined; routing tells the organisation's people (the applicant) in the
  // app and by e-mail. It reaches the page that was left open through the live stream: the count
  // goes from 1 to 2 and the welcome is on top, with no reload.
  await expect(applicant.getByRole("link", { name: "Inbox (2)" })).toBeVisible();
  const newest = applicant.getByRole("listitem").first();
  await expect(newest.getByRole("heading")).toContainText("An SME joined the alliance");
  await expect(newest.getByText(name)).toBeVisible();
  await screenshot(applicant, "account-inbox-live");
  expect(errors).toEqual([]);

  // Public at once: the directory lists the new member.
  await applicant.goto("/directory");
  await applicant.getByLabel("Search").fill(name);
  await expect(applicant.getByRole("rowheader", { name })).toBeVisible();
});

test("a wrong password is refused with the service's reason", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(MANAGER.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByRole("link", { name: "Work queue" })).toHaveCount(0);
});
