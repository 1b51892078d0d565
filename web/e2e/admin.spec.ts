import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, screenshot, watchForPageErrors } from "./checks";

// Accounts of deploy/local/demo-data.py.
const ADMIN = { email: "admin@cloth.local", password: "dev-only-admin-password" };
const MANAGER = { email: "manager.modacc@demo.cloth.local", password: "demo password, dev only" };

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

test("an administrator adds a cluster, registers a partner system and opens, then closes, a programme", async ({ page }) => {
  const errors = watchForPageErrors(page);
  const run = Date.now().toString(36);
  await signIn(page, ADMIN);

  await page.getByRole("link", { name: "Clusters", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Clusters" })).toBeVisible();
  await expect(page.getByRole("rowheader").first()).toBeVisible();
  const cluster = `Tessile Prato ${run}`;
  await page.getByLabel("Name", { exact: true }).fill(cluster);
  await page.getByLabel("Short name").fill(`TP${run}`.slice(0, 20));
  await page.getByLabel("Country (two-letter code)").fill("it");
  await page.getByLabel("Home region").fill("Tuscany");
  await page.getByLabel("City").fill("Prato");
  await page.getByLabel("Latitude", { exact: true }).fill("43.88");
  await page.getByLabel("Longitude", { exact: true }).fill("11.1");
  await page.getByRole("button", { name: "Add the cluster" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${cluster} was added.` })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: cluster })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "admin-clusters");

  await page.getByRole("link", { name: "Partner systems", exact: true }).click();
  const partner = `Prato CRM ${run}`;
  await page.getByLabel("Name of the system").fill(partner);
  await page.getByRole("button", { name: "Register the system" }).click();
  const secret = page.getByTestId("client-secret");
  await expect(secret).toHaveText(/\S{20,}/);
  const shown = await secret.textContent();
  await expect(page.getByRole("rowheader", { name: partner })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "admin-partners");
  await page.getByRole("button", { name: "I have stored the secret" }).click();
  await expect(page.getByTestId("client-secret")).toHaveCount(0);
  expect(await page.locator("main").textContent()).not.toContain(shown!);
  await expect(page.getByRole("heading", { name: "Webhook subscriptions" })).toBeVisible();

  await page.getByRole("link", { name: "Programmes", exact: true }).click();
  // The demo's programme (demo-exchange.py) is listed with its quotas.
  await expect(page.getByRole("table", { name: /^Quotas of / }).first()).toBeVisible();
  const programme = `Xchange browser ${run}`;
  await page.getByLabel("Name", { exact: true }).fill(programme);
  const application = page.getByRole("group", { name: "Application window" });
  await application.getByLabel("First day").fill("2027-01-01");
  await application.getByLabel("Last day").fill("2027-06-30");
  const activity = page.getByRole("group", { name: "Activity window" });
  await activity.getByLabel("First day").fill("2027-02-01");
  await activity.getByLabel("Last day").fill("2027-12-31");
  await page.getByLabel("SME", { exact: true }).fill("70");
  await expect(page.getByText("95 exchanges in all")).toBeVisible();
  await page.getByLabel("Host country 1 (two-letter code)").fill("ES");
  await page.getByLabel("Cap 1 in euros").fill("900");
  await page.getByRole("button", { name: "Add a host country" }).click();
  await page.getByLabel("Host country 2 (two-letter code)").fill("BG");
  await page.getByLabel("Cap 2 in euros").fill("700.50");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Open the programme" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${programme} is open.` })).toBeVisible();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: programme }) });
  await expect(card.getByRole("row", { name: /^SME/ })).toContainText("70");
  await expect(card).toContainText("BG");
  await screenshot(page, "admin-programmes");

  // Closed again at once: the public pages follow the newest open programme, the demo's.
  await card.getByRole("button", { name: `Close ${programme}` }).click();
  await card.getByRole("button", { name: `Yes, close ${programme}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${programme} is closed.` })).toBeVisible();
  await expect(card.getByText(/^Closed on /)).toBeVisible();
  expect(errors).toEqual([]);
});

test("a cluster manager downloads the organisations and the programme's exchanges as CSV", async ({ page }) => {
  const errors = watchForPageErrors(page);
  await signIn(page, MANAGER);
  await expect(page.getByRole("link", { name: "Clusters", exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Exports", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "CSV exports" })).toBeVisible();
  await expect(page.getByLabel("Programme", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "exports");

  const organisations = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the organisations (CSV)" }).click();
  const organisationsFile = await organisations;
  expect(organisationsFile.suggestedFilename()).toMatch(/^cloth-organisations-\d{4}-\d{2}-\d{2}\.csv$/);
  const organisationsCsv = await readFile(await organisationsFile.path(), "utf-8");
  expect(organisationsCsv.split(/\r?\n/)[0]).toBe(
    "id,legal_name,category,cluster_id,country,region,city,latitude,longitude,value_chains,size_band,certifications,website",
  );
  expect(organisationsCsv.split(/\r?\n/).filter(Boolean).length).toBeGreaterThan(20);

  const exchanges = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the exchanges (CSV)" }).click();
  const exchangesFile = await exchanges;
  expect(exchangesFile.suggestedFilename()).toMatch(/^cloth-exchanges-.+\.csv$/);
  const exchangesCsv = await readFile(await exchangesFile.path(), "utf-8");
  expect(exchangesCsv.split(/\r?\n/)[0]).toMatch(/^exchange_id,state,slot_category,activity_kind,visitor_organisation,/);
  await expect(page.getByText(/^Saved as cloth-exchanges-/)).toBeVisible();
  expect(errors).toEqual([]);
});

test("the administrators' pages tell anyone else who they are for", async ({ page }) => {
  await page.goto("/admin/partners");
  await expect(page.getByText(/This page is for platform administrators/)).toBeVisible();
  await expectAccessible(page);
});
