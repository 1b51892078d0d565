import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible, screenshot, watchForPageErrors } from "./checks";

// The platform runs with the demo data (deploy/local/demo-data.py, demo-exchange.py: about 40
// active organisations in five countries, a programme of 100 exchanges); other scenarios add
// members, so the expected figures are read from the API the page itself calls.
async function activeMembers(request: APIRequestContext): Promise<number> {
  const figures = await (await request.get("/api/membership/figures")).json();
  return figures.active_participants as number;
}
async function programmeFlows(request: APIRequestContext): Promise<{ approved: number }[]> {
  const programmes = (await (await request.get("/api/exchange/programmes")).json()) as { id: string; created_at: string; closed_at: string | null }[];
  const newest = programmes.sort((a, b) => b.created_at.localeCompare(a.created_at));
  const followed = newest.find((p) => p.closed_at === null) ?? newest[0]!;
  return (await (await request.get(`/api/exchange/programmes/${followed.id}/figures`)).json()).flows;
}
async function mapped(request: APIRequestContext, query = ""): Promise<number> {
  const geojson = await (await request.get(`/api/membership/map/organisations.geojson${query}`)).json();
  return (geojson.features as unknown[]).length;
}

test("the home page shows the alliance's figures and charts", async ({ page, request }) => {
  const errors = watchForPageErrors(page);
  const members = await activeMembers(request);
  expect(members).toBeGreaterThan(0);
  await page.goto("/");

  await expect(page.getByRole("heading", { level: 1, name: "The alliance at a glance" })).toBeVisible();
  await expect(page.getByText(`${members} active members of a target of 50`)).toBeVisible();
  await expect(page.getByText(/^\d+ approved and \d+ completed of 100 exchanges$/)).toBeVisible();
  await expect(page.locator("figure.progress")).toHaveCount(3);
  await expect(page.locator("figure.bar-chart svg rect.series-0").first()).toBeVisible();
  // Per-category quotas of the exchanges chart, each with its target mark.
  const quotas = page.locator("figure.bar-chart").filter({ hasText: "Exchanges against each category's quota" });
  await expect(quotas.locator("svg")).toBeVisible();
  expect(await quotas.locator("line.target").count()).toBeGreaterThan(0);
  await expectAccessible(page);
  await screenshot(page, "home");
  expect(errors).toEqual([]);
});

test("the language is switchable, numbers follow it", async ({ page, request }) => {
  const members = await activeMembers(request);
  await page.goto("/");
  await page.getByLabel("Language").selectOption("es");

  await expect(page.getByRole("heading", { level: 1, name: "La alianza de un vistazo" })).toBeVisible();
  await expect(page.getByText(`${members} miembros activos de un objetivo de 50`)).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "La alianza de un vistazo" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "home-es");
});

test("the map shows the organisations as markers, filtered by category", async ({ page, request }) => {
  const errors = watchForPageErrors(page);
  const [all, smes] = [await mapped(request), await mapped(request, "?category=sme")];
  expect(smes).toBeGreaterThan(0);
  expect(smes).toBeLessThan(all);
  await page.goto("/map");

  await expect(page.getByText(`${all} organisations on the map`)).toBeVisible();
  await expect(page.locator("svg.map g.countries path").first()).toBeVisible();
  await expect(page.locator("svg.map circle.marker")).toHaveCount(all);

  // The exchange flows of the programme the public follows (demo-exchange.py): a line per pair of
  // countries with approved exchanges, and the same flows in a table.
  const flows = await programmeFlows(request);
  expect(flows.filter((f) => f.approved > 0).length).toBeGreaterThan(0);
  await expect(page.locator("svg.map path.flow")).toHaveCount(flows.filter((f) => f.approved > 0).length);
  const flowsTable = page.getByRole("table", { name: /^Exchanges of .+ from the visitor's country to the host's$/ });
  await expect(flowsTable.locator("tbody tr")).toHaveCount(flows.length);

  // The partner regions' latest analyses (demo-knowledge.py): a marker each, their key figures, the charts.
  const regions = (await (await request.get("/api/knowledge/regional-analyses")).json()) as { region_code: string; region_name: string }[];
  expect(regions.length).toBe(5);
  await expect(page.locator("svg.map path.region-marker")).toHaveCount(regions.length);
  for (const region of regions)
    await expect(page.getByRole("heading", { name: `${region.region_name} (${region.region_code})` })).toBeVisible();
  await expect(page.locator("figure.bar-chart").filter({ hasText: "by partner region" }).first().locator("svg rect.series-0").first()).toBeVisible();
  await page.getByLabel("Category").selectOption("sme");
  await expect(page.getByText(`${smes} organisations on the map`)).toBeVisible();
  await expect(page.locator("svg.map circle.marker")).toHaveCount(smes);
  await expectAccessible(page);
  await screenshot(page, "map");
  expect(errors).toEqual([]);
});

test("the directory lists, filters and pages the organisations", async ({ page, request }) => {
  const members = await activeMembers(request);
  expect(members).toBeGreaterThan(20);
  await page.goto("/directory");

  await expect(page.getByText(`1–20 of ${members}`)).toBeVisible();
  await expect(page.locator("table.list tbody tr")).toHaveCount(20);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText(`21–${Math.min(40, members)} of ${members}`)).toBeVisible();
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
