import { expect, test } from "@playwright/test";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

// Measured, not timed-asserted: the figures go to artefacts/measurements.json and the log. The
// one assertion is the size budget of the first page's JavaScript (deterministic for a build).
const RUNS = 5;
const BUDGET_GZIP_BYTES = 250 * 1024;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

test("first page: JavaScript size and render time against the gateway's static-file time", async ({ browser, baseURL }) => {
  const renders: number[] = [];
  const headings: number[] = [];
  let scripts: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext(); // a cold cache each time
    const page = await context.newPage();
    const loaded: string[] = [];
    page.on("response", (r) => {
      if (new URL(r.url()).pathname.endsWith(".js")) loaded.push(new URL(r.url()).pathname);
    });
    await page.goto("/", { waitUntil: "commit" });
    // First the page's own frame (JavaScript run, heading drawn), then its data.
    const heading = await page.waitForFunction(() => (document.querySelector("h1") ? performance.now() : 0), undefined, {
      polling: "raf",
      timeout: 30_000,
    });
    headings.push((await heading.jsonValue()) as number);
    // The page is rendered when the members' and the exchanges' charts are drawn.
    const at = await page.waitForFunction(
      () => (document.querySelectorAll("figure.bar-chart svg").length >= 3 ? performance.now() : 0),
      undefined,
      { polling: "raf", timeout: 30_000 },
    );
    renders.push((await at.jsonValue()) as number);
    scripts = loaded;
    await context.close();
  }

  const staticTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    const answer = await fetch(`${baseURL}/index.html`);
    await answer.arrayBuffer();
    staticTimes.push(performance.now() - start);
  }

  const gzipBytes = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(`dist${path}`)).length, 0);
  const figures = {
    firstPageScripts: scripts,
    firstPageJsGzipKB: +(gzipBytes / 1024).toFixed(1),
    homeHeadingMsMedian: +median(headings).toFixed(0),
    homeRenderMsMedian: +median(renders).toFixed(0),
    homeRenderMsRuns: renders.map((r) => +r.toFixed(0)),
    gatewayStaticFileMsMedian: +median(staticTimes).toFixed(2),
  };
  mkdirSync("artefacts", { recursive: true });
  writeFileSync("artefacts/measurements.json", JSON.stringify(figures, null, 2));
  console.log(JSON.stringify(figures, null, 2));
  expect(gzipBytes).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
});
