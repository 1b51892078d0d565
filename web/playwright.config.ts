import { defineConfig } from "@playwright/test";

// Runs against a platform already started (e2e/run_platform.py sets GATEWAY_URL), in Debian's
// Chromium: Playwright's own browser download is not available on these machines.
export default defineConfig({
  testDir: "e2e",
  outputDir: "artefacts/test-results",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: process.env.GATEWAY_URL ?? "http://127.0.0.1:8080",
    browserName: "chromium",
    headless: true,
    launchOptions: { executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" },
    screenshot: "only-on-failure",
  },
});
