import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, screenshot, watchForPageErrors } from "./checks";

const PASSWORD = "demo password, dev only";
const MANAGER = "manager.modacc@demo.cloth.local";
// demo_learning.py: a Modacc course for members, and the course Modacc's first organisation completed.
const COURSE = "Knitting with recycled yarn";
const COMPLETED = { course: "Circular design for textile SMEs", holder: "org0.modacc@demo.cloth.local" };

async function signIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return page;
}

test("the library finds demo resources in Spanish and in Bulgarian, from a shareable link too", async ({ page }) => {
  const errors = watchForPageErrors(page);
  await page.goto("/library");
  await expect(page.getByRole("heading", { name: "Knowledge library" })).toBeVisible();
  await expectAccessible(page);

  // Spanish stems: "sostenible" finds the guide whose text says "sostenibles".
  await page.getByLabel("Search the library").fill("sostenible");
  await page.getByLabel("Written in").selectOption("es");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=sostenible/);
  await expect(page).toHaveURL(/language=es/);
  const guide = page.getByRole("link", { name: "Moda sostenible: guía de ecodiseño" });
  await expect(guide).toBeVisible();
  await expect(page.locator(".snippet mark").first()).toHaveText(/sostenible/i);
  await expectAccessible(page);
  await screenshot(page, "knowledge-library-es");

  await guide.click();
  await expect(page.getByRole("heading", { level: 1, name: "Moda sostenible: guía de ecodiseño" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Materiales" })).toBeVisible();
  await expect(page.locator(".body strong")).toHaveText("recicladas");
  await expectAccessible(page);
  await screenshot(page, "knowledge-resource-es");

  // Bulgarian, in Cyrillic, typed into a fresh search.
  await page.goto("/library");
  await page.getByLabel("Search the library").fill("багрила");
  await page.getByLabel("Written in").selectOption("bg");
  await page.getByRole("button", { name: "Search" }).click();
  const dyes = page.getByRole("link", { name: "Естествени багрила за трикотаж" });
  await expect(dyes).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "knowledge-library-bg");
  await dyes.click();
  await expect(page.getByRole("heading", { level: 1, name: "Естествени багрила за трикотаж" })).toBeVisible();
  await expectAccessible(page);

  // The address is the search: opened afresh it answers the same.
  await page.goto("/library?q=sostenible&language=es");
  await expect(page.getByLabel("Search the library")).toHaveValue("sostenible");
  await expect(page.getByRole("link", { name: "Moda sostenible: guía de ecodiseño" })).toBeVisible();

  // A typo: the service searches the nearest title word instead, and the page says which.
  await page.goto("/library?q=sostenibel");
  await expect(page.getByText(/Nothing matched the words you typed/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Moda sostenible: guía de ecodiseño" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "knowledge-library-corrected");
  expect(errors).toEqual([]);
});

test("people enrol until the session is full; the next one is put on the waiting list", async ({ browser, request }) => {
  const run = Date.now().toString(36);
  const place = `Browser room ${run}`;
  // A session of two seats on a demo course, scheduled by its cluster's manager through the API.
  const signedIn = await request.post("/api/membership/auth/sign-in", { data: { email: MANAGER, password: PASSWORD } });
  expect(signedIn.ok()).toBe(true);
  const manager = (await signedIn.json()) as { access_token: string; subject: string };
  const courses = (await (await request.get("/api/knowledge/training/courses?limit=100")).json()) as { course_id: string; title: string }[];
  const course = courses.find((c) => c.title === COURSE)!;
  const first = new Date(Date.now() + 40 * 24 * 3600 * 1000);
  const scheduled = await request.post(`/api/knowledge/training/courses/${course.course_id}/sessions`, {
    headers: { Authorization: `Bearer ${manager.access_token}` },
    data: {
      mode: "on_site",
      place,
      meetings: [0, 7].map((days) => new Date(first.getTime() + days * 24 * 3600 * 1000).toISOString()),
      capacity: 2,
      trainer_id: manager.subject,
      cancellation_deadline: new Date(first.getTime() - 7 * 24 * 3600 * 1000).toISOString(),
    },
  });
  expect(scheduled.status()).toBe(201);

  const people = ["org2.modacc@demo.cloth.local", "org3.modacc@demo.cloth.local", "org4.modacc@demo.cloth.local"];
  for (const [index, email] of people.entries()) {
    const page = await signIn(browser, email);
    const errors = watchForPageErrors(page);
    await page.getByRole("link", { name: "Training", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Training catalogue" })).toBeVisible();
    if (index === 0) {
      await expectAccessible(page);
      await screenshot(page, "knowledge-training");
    }
    await page.getByRole("link", { name: COURSE }).click();
    const session = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(place) }) });
    await expect(session).toBeVisible();
    if (index < 2) {
      await expect(session.getByText(`${2 - index} of 2 seats left`)).toBeVisible();
      await session.getByRole("button", { name: "Enrol" }).click();
      await expect(session.getByText("You have a seat in this session.")).toBeVisible();
    } else {
      await expect(session.getByText("0 of 2 seats left")).toBeVisible();
      await session.getByRole("button", { name: "Join the waiting list" }).click();
      await expect(session.getByText("You are on the waiting list, number 1.")).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, "knowledge-course-waiting-list");

      await page.getByRole("link", { name: "My training" }).first().click();
      const mine = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: COURSE }) });
      await expect(mine.getByText(/On the waiting list, number 1/)).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, "knowledge-my-training");
    }
    expect(errors).toEqual([]);
    await page.context().close();
  }
});

test("a certificate's holder downloads its PDF, and anyone verifies its code", async ({ browser }) => {
  const holder = await signIn(browser, COMPLETED.holder);
  const errors = watchForPageErrors(holder);
  // Tokens live in memory only (a reload signs out): the pages are reached by their links.
  await holder.getByRole("link", { name: "My training" }).click();
  const certificates = holder.getByRole("region", { name: "My certificates" });
  const certificate = certificates.getByRole("listitem").filter({ has: holder.getByRole("heading", { name: COMPLETED.course }) });
  await expect(certificate).toBeVisible();
  await expectAccessible(holder);
  await screenshot(holder, "knowledge-certificates");
  const code = (await certificate.locator("code").textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-7]{26}$/);

  const [download] = await Promise.all([
    holder.waitForEvent("download"),
    certificate.getByRole("button", { name: /Download the certificate/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`certificate-${code}.pdf`);
  const pdf = await download.createReadStream();
  const head = await new Promise<string>((resolve) => pdf.once("data", (chunk: Buffer) => resolve(chunk.subarray(0, 5).toString())));
  expect(head).toBe("%PDF-");
  expect(errors).toEqual([]);

  // Anyone, signed out: the form, then the page the certificate's QR code opens.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/certificates/verify");
  await expectAccessible(visitor);
  await visitor.getByLabel("Verification code").fill(code.toLowerCase());
  await visitor.getByRole("button", { name: "Verify" }).click();
  await expect(visitor).toHaveURL(new RegExp(`/certificates/verify/${code}$`));
  await expect(visitor.getByRole("heading", { name: "Valid certificate" })).toBeVisible();
  await expect(visitor.getByText(COMPLETED.course)).toBeVisible();
  await expect(visitor.getByText("org0.modacc")).toBeVisible();
  await expectAccessible(visitor);
  await screenshot(visitor, "knowledge-certificate-verified");

  await visitor.goto(`/certificates/verify/${"A".repeat(26)}`);
  await expect(visitor.getByRole("alert")).toHaveText(/No certificate has the code/);
});

test("a member writes a resource and submits it; the cluster manager publishes it from the work queue", async ({ browser }) => {
  const run = Date.now().toString(36);
  const title = `Guia de tints naturals ${run}`;
  const author = await signIn(browser, "org1.modacc@demo.cloth.local");
  const errors = watchForPageErrors(author);
  await author.getByRole("link", { name: "Library", exact: true }).click();
  await author.getByRole("link", { name: "My organisation's resources" }).click();
  await expect(author.getByRole("heading", { name: "My organisation's resources" })).toBeVisible();
  await expectAccessible(author);
  await author.getByRole("link", { name: "Write a new resource" }).click();
  await author.getByLabel("Title").fill(title);
  await author.getByLabel("Summary").fill("Com tenyir llana amb plantes del Penedès.");
  await author.getByLabel("Text (Markdown)").fill("## Plantes\n\nLa **rubia** dona vermells <script>alert(1)</script>.");
  await author.getByLabel("Kind of resource").selectOption("know_how");
  await author.getByLabel("Language of the resource").selectOption("ca");
  await author.getByLabel("Tags (separated by commas)").fill("tints, llana");
  await expectAccessible(author);
  await screenshot(author, "knowledge-resource-editor");
  await author.getByRole("button", { name: "Save" }).click();
  await expect(author.getByRole("main").getByRole("status")).toHaveText(`“${title}” was saved.`);
  const mine = author.getByRole("listitem").filter({ has: author.getByRole("heading", { name: title }) });
  await mine.getByRole("button", { name: "Submit for moderation" }).click();
  await expect(author.getByRole("main").getByRole("status")).toHaveText(`“${title}” was submitted for moderation.`);
  await expect(mine.getByText("Waiting for moderation")).toBeVisible();
  expect(errors).toEqual([]);

  const manager = await signIn(browser, MANAGER);
  await manager.getByRole("link", { name: "Work queue" }).click();
  const submitted = manager.getByRole("listitem").filter({ has: manager.getByRole("heading", { name: title }) });
  await expect(submitted).toBeVisible();
  await expectAccessible(manager);
  await screenshot(manager, "knowledge-moderation");
  await submitted.getByRole("button", { name: "Publish" }).click();
  await expect(manager.getByText(`“${title}” is published.`)).toBeVisible();
  await expect(manager.getByRole("heading", { name: title })).toHaveCount(0);

  // Published: the public reads it, the script in its text shown as text.
  await author.goto(`/library?q=${encodeURIComponent("rubia")}&language=ca`);
  await author.getByRole("link", { name: title }).click();
  await expect(author.locator(".body")).toContainText("<script>alert(1)</script>");
  await expect(author.locator(".body script")).toHaveCount(0);
});

test("the partner regions and their analyses", async ({ page }) => {
  const errors = watchForPageErrors(page);
  await page.goto("/regions");
  await expect(page.getByRole("heading", { name: "Partner regions" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Catalonia|Cataluña|Catalunya/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "knowledge-regions");
  await page.getByRole("link", { name: /\(ES51\)/ }).click();
  await expect(page.getByRole("heading", { name: "Trends" }).first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "knowledge-region");
  expect(errors).toEqual([]);
});
