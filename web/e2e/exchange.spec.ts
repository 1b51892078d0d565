import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, screenshot, watchForPageErrors } from "./checks";

// The demo accounts of deploy/local/demo-data.py. The visitor, an SME of EA (France) that has not
// visited yet in the demo programme (demo-exchange.py), visits a hosting offer in Bulgaria; both
// home clusters sign the commitment, the visitor's cluster (EA) approves, validates and pays.
const PASSWORD = "demo password, dev only";
const VISITOR = "org1.ea@demo.cloth.local";
const HOST = "org1.bfa@demo.cloth.local";
const HOST_NAME = "Sofia Recycled Yarns";
const VISITOR_MANAGER = "manager.ea@demo.cloth.local";
const HOST_MANAGER = "manager.bfa@demo.cloth.local";

/** Tuesday to Friday two weeks ago: inside the demo programme's windows, and already over, so
 * the closing report can be handed in today (it is accepted from the exchange's last day). */
function pastWeek(): { first: string; last: string } {
  const now = new Date();
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7) - 14);
  const at = (days: number) => new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + days);
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  return { first: iso(at(1)), last: iso(at(4)) };
}

async function signedIn(browser: Browser, email: string): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext({ locale: "en-US" })).newPage();
  const errors = watchForPageErrors(page);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return { page, errors };
}

/** Opens the exchange from "My exchanges" (a reload would sign the person out: tokens live in memory). */
async function openExchange(page: Page, exchangeId: string): Promise<void> {
  await page.getByRole("link", { name: "My exchanges" }).click();
  await page.locator(`a[href="/exchange/${exchangeId}"]`).click();
  await expect(page.getByRole("heading", { name: "What you can do now" })).toBeVisible();
}

/** The page's live region, where each step done is announced. */
const announced = (page: Page) => page.locator("p.announcement");
const stateShown = (page: Page, state: string) => page.locator(".facts .state", { hasText: state });

test("an exchange from a suggested host to the paid lump sum, each step by its own person", async ({ browser }) => {
  test.setTimeout(360_000);
  const { first, last } = pastWeek();

  // The visitor looks at the offers, then at the hosts suggested for the dates, and asks one.
  const visitor = await signedIn(browser, VISITOR);
  const v = visitor.page;
  await v.getByRole("link", { name: "Hosting offers" }).click();
  await expect(v.getByRole("listitem").filter({ hasText: HOST_NAME })).toBeVisible();
  await expectAccessible(v);
  await screenshot(v, "exchange-offers");
  await v.getByRole("listitem").filter({ hasText: HOST_NAME }).getByRole("link").click();
  await expect(v.getByRole("heading", { name: `Request an exchange with ${HOST_NAME}` })).toBeVisible();
  await expectAccessible(v);
  await screenshot(v, "exchange-offer");

  await v.getByRole("link", { name: "Suggested hosts" }).click();
  await v.getByLabel("First day").fill(first);
  await v.getByLabel("Last day").fill(last);
  await v.getByRole("button", { name: "Show suggestions" }).click();
  const suggestion = v.getByRole("listitem").filter({ hasText: HOST_NAME }).filter({ has: v.getByRole("heading") });
  await expect(suggestion.getByText(/Score: \d+/)).toBeVisible();
  await expect(suggestion.getByText("Shared value chains")).toBeVisible();
  await expectAccessible(v);
  await screenshot(v, "exchange-suggestions");
  await suggestion.getByRole("button", { name: `Request an exchange with ${HOST_NAME}` }).click();
  await expect(suggestion.getByLabel("First day")).toHaveValue(first);
  await expect(suggestion.getByLabel("Last day")).toHaveValue(last);
  await suggestion.getByLabel("Message to the host").fill("We would like to learn how you recycle post-consumer yarns.");
  await expectAccessible(v);
  await screenshot(v, "exchange-request");
  await suggestion.getByRole("button", { name: "Send the request" }).click();
  await expect(stateShown(v, "Requested")).toBeVisible();
  const exchangeId = new URL(v.url()).pathname.split("/").pop()!;
  await expectAccessible(v);
  await screenshot(v, "exchange-requested");

  // The host accepts.
  const host = await signedIn(browser, HOST);
  const h = host.page;
  await openExchange(h, exchangeId);
  await h.getByRole("button", { name: "Accept the request" }).click();
  await expect(announced(h)).toHaveText("You accepted the request.");
  await expect(stateShown(h, "Accepted")).toBeVisible();

  // The visitor writes the commitment to quality and signs it.
  await openExchange(v, exchangeId);
  await v.getByRole("button", { name: "Write the commitment" }).click();
  await v.getByLabel("Goals (one a line)").fill("Learn post-consumer yarn recycling\nMeet the host's suppliers");
  await v.getByLabel("Expected results (one a line)").fill("A joint project idea");
  await v.getByLabel(/^Activities on/).first().fill("Welcome and tour of the plant");
  await expectAccessible(v);
  await screenshot(v, "exchange-commitment");
  await v.getByRole("button", { name: "Save the commitment" }).click();
  await expect(announced(v)).toHaveText("The commitment is saved.");
  await v.getByRole("button", { name: "Sign for the visiting organisation" }).click();
  await expect(announced(v)).toHaveText("Signed for the visiting organisation.");

  // The host signs.
  await openExchange(h, exchangeId);
  await h.getByRole("button", { name: "Sign for the host organisation" }).click();
  await expect(announced(h)).toHaveText("Signed for the host organisation.");

  // Both home clusters sign from their work queues; the visitor's cluster then approves.
  const item = (page: Page) => page.getByRole("listitem").filter({ has: page.locator(`h3 a[href="/exchange/${exchangeId}"]`) });
  const hostManager = await signedIn(browser, HOST_MANAGER);
  const hm = hostManager.page;
  await hm.getByRole("link", { name: "Work queue" }).click();
  await item(hm).getByRole("button", { name: "Sign for the host's cluster" }).click();
  await expect(announced(hm)).toHaveText("Commitment signed for the host's cluster.");

  const visitorManager = await signedIn(browser, VISITOR_MANAGER);
  const vm = visitorManager.page;
  await vm.getByRole("link", { name: "Work queue" }).click();
  await expect(item(vm).getByRole("button", { name: "Sign for the visitor's cluster" })).toBeVisible();
  await expectAccessible(vm);
  await screenshot(vm, "exchange-work-queue-signature");
  await item(vm).getByRole("button", { name: "Sign for the visitor's cluster" }).click();
  await expect(announced(vm)).toHaveText("Commitment signed for the visitor's cluster.");
  await expect(item(vm).getByRole("button", { name: "Approve" })).toBeVisible();
  await expectAccessible(vm);
  await screenshot(vm, "exchange-work-queue-approval");
  await item(vm).getByRole("button", { name: "Approve" }).click();
  await expect(announced(vm)).toHaveText("Exchange approved.");

  // The visitor starts it (unless the programme's clock was quicker: its first day is past),
  // uploads evidence and hands in the closing report.
  await openExchange(v, exchangeId);
  const start = v.getByRole("button", { name: "Start the exchange" });
  await expect(start.or(stateShown(v, "In progress"))).toBeVisible();
  if (await start.isVisible()) await start.click();
  await expect(stateShown(v, "In progress")).toBeVisible();
  await v.getByLabel("Evidence file").setInputFiles({
    name: "attendance.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
  });
  await v.getByRole("button", { name: "Upload the file" }).click();
  await expect(v.getByText("attendance.pdf is uploaded.")).toBeVisible();
  const downloadLink = v.getByRole("button", { name: "Download attendance.pdf" });
  await expect(downloadLink).toBeVisible();
  const [download] = await Promise.all([v.waitForEvent("download"), downloadLink.click()]);
  expect(download.suggestedFilename()).toBe("attendance.pdf");
  await v.getByRole("button", { name: "Submit the closing report" }).click();
  await v.getByLabel("Summary", { exact: true }).fill("Four days in the host's recycling plant.");
  await v.getByLabel("Lessons learned", { exact: true }).fill("Sort the fibres before shredding.");
  await expectAccessible(v);
  await screenshot(v, "exchange-report");
  await v.getByRole("button", { name: "Submit the report" }).click();
  await expect(stateShown(v, "Report submitted")).toBeVisible();

  // The host adds its feedback.
  await openExchange(h, exchangeId);
  await h.getByRole("button", { name: "Give the host's feedback" }).click();
  await h.getByRole("textbox", { name: "Host's feedback" }).fill("A well-prepared visitor; we will keep working together.");
  await h.getByRole("button", { name: "Send the feedback" }).click();
  await expect(announced(h)).toHaveText("Your feedback is saved.");

  // The visitor's cluster validates the report and records the payment, in the work queue.
  await vm.getByRole("link", { name: "My exchanges" }).click();
  await vm.getByRole("link", { name: "Work queue" }).click();
  await expect(item(vm).getByRole("button", { name: "Download attendance.pdf" })).toBeVisible();
  await expectAccessible(vm);
  await screenshot(vm, "exchange-work-queue-report");
  await item(vm).getByRole("button", { name: "Validate" }).click();
  await expect(announced(vm)).toHaveText("Report validated.");
  await item(vm).getByRole("button", { name: "Record the payment" }).click();
  await expect(announced(vm)).toHaveText("Payment recorded.");

  // The history says who did what; the figures count it.
  await openExchange(vm, exchangeId);
  await expect(stateShown(vm, "Lump sum paid")).toBeVisible();
  const history = vm.locator("ol.history");
  await expect(history.getByText(`${VISITOR.split("@")[0]}: requested`)).toBeVisible();
  await expect(history.getByText(`${VISITOR_MANAGER.split("@")[0]}: recorded the payment (now Lump sum paid)`)).toBeVisible();
  await expectAccessible(vm);
  await screenshot(vm, "exchange-paid");
  await vm.getByRole("link", { name: "My exchanges" }).click();
  await expectAccessible(vm);
  await screenshot(vm, "exchange-mine");
  await vm.getByRole("link", { name: "Programme figures" }).click();
  await expect(vm.getByRole("heading", { name: /Your cluster's visitors/ })).toBeVisible();
  const [csv] = await Promise.all([vm.waitForEvent("download"), vm.getByRole("button", { name: "Export the exchanges (CSV)" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  await expectAccessible(vm);
  await screenshot(vm, "exchange-figures");

  for (const { errors } of [visitor, host, hostManager, visitorManager]) expect(errors).toEqual([]);
});

test("a member publishes a hosting offer and withdraws it", async ({ browser }) => {
  const { page, errors } = await signedIn(browser, "org7.ea@demo.cloth.local");
  await page.getByRole("link", { name: "Hosting offers" }).click();
  await page.getByRole("link", { name: "Publish a hosting offer for your organisation" }).click();
  const title = `Garment finishing week ${Date.now().toString(36)}`;
  await page.getByLabel("Title of the offer").fill(title);
  await page.getByLabel("Topics (separated by commas)").fill("finishing, quality control");
  await page.getByLabel("Networking").check();
  await page.getByLabel("French").check();
  await page.getByLabel("Available from").fill("2027-01-11");
  await page.getByLabel("Available until").fill("2027-03-26");
  await page.getByLabel("Visitors at a time").fill("2");
  await expectAccessible(page);
  await screenshot(page, "exchange-publish-offer");
  await page.getByRole("button", { name: "Publish the offer" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await page.getByRole("button", { name: "Withdraw this offer" }).click();
  await expect(page.getByRole("heading", { name: "Hosting offers" })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  expect(errors).toEqual([]);
});
