// `npm test`: lint and format check, type check, Vitest (unit + integration on real SQLite), then
// Playwright in Debian's Chromium. Ends with one line CI reads:
// `Tests: N passed, N failed` (Vitest and Playwright together).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`npm test: Chromium not found at ${chromium}; install it with 'sudo apt-get install -y chromium' or set CHROMIUM_PATH`);
  process.exit(1);
}

const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } }).status ?? 1;
const readCounts = (file, pick) => {
  try {
    return pick(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return null;
  }
};

rmSync(".tmp/vitest-counts.json", { force: true });
rmSync(".tmp/playwright-results.json", { force: true });

console.log("== lint and format (biome check)");
const lint = run("npx", ["--no-install", "biome", "check"]);
console.log("== type check");
const tsc = run("npx", ["--no-install", "tsc", "--noEmit"]);
console.log("== vitest");
const vitest = run("npx", ["--no-install", "vitest", "run"]);
console.log("== playwright");
const pw = run("npx", ["--no-install", "playwright", "test"]);

const v = readCounts(".tmp/vitest-counts.json", (j) => j) ?? { passed: 0, failed: 1 };
const p = readCounts(".tmp/playwright-results.json", (j) => ({
  passed: (j.stats?.expected ?? 0) + (j.stats?.flaky ?? 0),
  failed: (j.stats?.unexpected ?? 0) || (pw !== 0 ? 1 : 0),
})) ?? { passed: 0, failed: 1 };
const failed = v.failed + p.failed + (lint !== 0 ? 1 : 0) + (tsc !== 0 ? 1 : 0) + (vitest !== 0 && v.failed === 0 ? 1 : 0);
if (lint !== 0) console.log("biome check failed (counted as 1 failure)");
if (tsc !== 0) console.log("type check failed (counted as 1 failure)");
console.log(`Tests: ${v.passed + p.passed} passed, ${failed} failed`);
process.exit(lint || tsc || vitest || pw ? 1 : 0);
