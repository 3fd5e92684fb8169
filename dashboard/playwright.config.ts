import { defineConfig } from "@playwright/test";

// End-to-end tests of the built dashboard served by a running local host (`up`): BASE_URL (default
// http://127.0.0.1:7071). Debian's Chromium (CHROMIUM, default /usr/bin/chromium): no browser is downloaded.
// One worker (CI machines have two cores). The summary reporter prints "e2e: N passed, N failed" for .ci/run.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [["list"], ["./e2e/summary-reporter.ts"]],
  outputDir: "../tests/dashboard-e2e-results",
  use: {
    baseURL: (process.env.BASE_URL ?? "http://127.0.0.1:7071").replace(/\/$/, ""),
    viewport: { width: 1280, height: 900 },
    reducedMotion: "reduce",
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
});
