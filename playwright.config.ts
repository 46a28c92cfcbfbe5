import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { playwrightWorkers } from "./scripts/test-workers.mjs";

// Browser profiles, the servers and anything a spec spawns write their temporary files under the
// repo's .tmp, never /tmp (the workers and web servers inherit the environment).
process.env.TMPDIR = path.resolve(".tmp/e2e-tmp");
mkdirSync(process.env.TMPDIR, { recursive: true });

const port = Number(process.env.E2E_PORT ?? 3100);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Base URL of the server whose database has no decks and no reviews. */
export const EMPTY_BASE_URL = `http://127.0.0.1:${port + 1}`;

export default defineConfig({
  testDir: "tests/e2e",
  // Each spec file gets its own server and database (tests/e2e/fixtures.ts, tests/e2e/README.md:
  // import test from "./fixtures"), so spec files run side by side, one per worker; the tests
  // of one file stay in order in one worker. Two workers keep two cores busy while pages wait
  // (decision 0050) — but on an overloaded machine (scripts/test-workers.mjs), two browsers starve
  // each other and lazily loaded charts miss their 5 s waits, so it runs one. E2E_WORKERS=n decides.
  workers: playwrightWorkers(),
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  // scripts/test.mjs names a results file of its own run.
  reporter: [["list"], ["json", { outputFile: process.env.CARDINAL_PLAYWRIGHT_RESULTS ?? ".tmp/playwright-results.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: chromium,
      // Without these Chromium keeps dialing Google on a machine with no network.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
  },
  // Started in order: the first builds the app, the second (an empty
  // database, for empty states) reuses that build.
  webServer: [
    {
      command: "npx tsx scripts/e2e-server.ts",
      url: `http://127.0.0.1:${port}/api/v1/health`,
      env: { PORT: String(port), HOST: "127.0.0.1" },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
    },
    {
      command: "npx tsx scripts/e2e-server.ts",
      url: `http://127.0.0.1:${port + 1}/api/v1/health`,
      env: { PORT: String(port + 1), HOST: "127.0.0.1", E2E_EMPTY: "1" },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
    },
  ],
});
