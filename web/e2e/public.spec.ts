import { expect, test } from "@playwright/test";
import { expectAccessible, screenshot, watchForPageErrors } from "./checks";

// The demo data (deploy/local/demo-data.py, demo-exchange.py): 40 active organisations in five
// countries, a programme of 100 exchanges.
test("the home page shows the alliance's figures and charts", async ({ page }) => {
  const errors = watchForPageErrors(page);
  await page.goto("/");

  await expect(page.getByRole("heading", { level: 1, name: "The alliance at a glance" })).toBeVisible();
  await expect(page.getByText("40 active members of a target of 50")).toBeVisible();
  await expect(page.getByText(/^\d+ approved and \d+ completed of 100 exchanges$/)).toBeVisible();
  await expect(page.locator("figure.progress")).toHaveCount(3);
  await expect(page.locator("figure.bar-chart svg rect.series-0").first()).toBeVisible();
  // Per-category quotas of the exchanges chart, each with its target mark.
  const quotas = page.locator("figure.bar-chart").filter({ hasText: "Exchanges against each category's quota" });
  await expect(quotas.locator("line.target").first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "home");
  expect(errors).toEqual([]);
});

test("the language is switchable, numbers follow it", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Language").selectOption("es");

  await expect(page.getByRole("heading", { level: 1, name: "La alianza de un vistazo" })).toBeVisible();
  await expect(page.getByText("40 miembros activos de un objetivo de 50")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "La alianza de un vistazo" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "home-es");
});

test("the map shows the organisations as markers, filtered by category", async ({ page }) => {
  const errors = watchForPageErrors(page);
  await page.goto("/map");

  await expect(page.getByText("40 organisations on the map")).toBeVisible();
  await expect(page.locator("svg.map g.countries path").first()).toBeVisible();
  await expect(page.locator("svg.map circle.marker")).toHaveCount(40);
  await page.getByLabel("Category").selectOption("sme");
  await expect(page.getByText("25 organisations on the map")).toBeVisible();
  await expect(page.locator("svg.map circle.marker")).toHaveCount(25);
  await expectAccessible(page);
  await screenshot(page, "map");
  expect(errors).toEqual([]);
});

test("the directory lists, filters and pages the organisations", async ({ page }) => {
  await page.goto("/directory");

  await expect(page.getByText("1–20 of 40")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("21–40 of 40")).toBeVisible();
  await page.getByLabel("Value chain").selectOption("digital_technology");
  await expect(page.locator("table.list tbody tr").first()).toBeVisible();
  await expect(page.getByText(/^1–\d+ of \d+$/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "directory");
});

test("an unknown address shows a page, not an error", async ({ page }) => {
  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});
