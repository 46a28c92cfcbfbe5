// `npm test`: lint and format check, type check, Vitest (unit + integration on real SQLite), then
// Playwright in Debian's Chromium. Ends with one line CI reads:
// `Tests: N passed, N failed` (Vitest and Playwright together).
//
// Decision 0050: biome first (a second), then the type check beside the production build (one
// core each; the type check's output is printed whole when it ends), then Vitest and then
// Playwright, each spreading over the cores itself. Vitest beside Playwright was tried: it
// starved the browser of CPU and e2e waits timed out, so they stay one after the other.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { loadAtStart, playwrightWorkers, vitestWorkers } from "./test-workers.mjs";
import path from "node:path";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`npm test: Chromium not found at ${chromium}; install it with 'sudo apt-get install -y chromium' or set CHROMIUM_PATH`);
  process.exit(1);
}

// This run's own count files: a Vitest or Playwright run started by hand in the same
// checkout meanwhile cannot overwrite what this closing line reads.
const counts = path.resolve(".tmp", `test-run-${process.pid}`);
rmSync(counts, { recursive: true, force: true });
mkdirSync(counts, { recursive: true });
const vitestCounts = path.join(counts, "vitest-counts.json");
const playwrightResults = path.join(counts, "playwright-results.json");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CARDINAL_VITEST_COUNTS: vitestCounts, CARDINAL_PLAYWRIGHT_RESULTS: playwrightResults };

const started = Date.now();
const secs = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;

/** Runs a command; `live` streams its output, otherwise it is printed whole at the end. Resolves to its exit status and wall time. */
function run(name, cmd, args, live) {
  const t0 = Date.now();
  if (live) console.log(`== ${name}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: live ? "inherit" : ["ignore", "pipe", "pipe"], env });
    const out = [];
    if (!live) {
      child.stdout.on("data", (c) => out.push(c));
      child.stderr.on("data", (c) => out.push(c));
    }
    child.on("close", (code, signal) => {
      if (!live) {
        console.log(`== ${name}`);
        process.stdout.write(Buffer.concat(out));
      }
      console.log(`== ${name}: ${code === 0 ? "ok" : `exit ${code ?? signal}`} in ${secs(t0)}`);
      resolve(code ?? 1);
    });
  });
}

const readCounts = (file, pick) => {
  try {
    return pick(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return null;
  }
};

// Decision 0075: how busy the machine is, read before this run's own build loads it (read when their
// phase starts, Vitest saw the build and tsc just run here, and ran on one worker in CI).
env.CARDINAL_LOAD_AT_START ??= String(loadavg()[0]);
console.log(
  `npm test: ${vitestWorkers()} Vitest worker(s), ${playwrightWorkers()} Playwright worker(s) (load ${loadAtStart().toFixed(1)} on ${availableParallelism()} cores)`,
);

const npx = (bin, ...args) => ["npx", ["--no-install", bin, ...args]];
const lint = await run("lint and format (biome check)", ...npx("biome", "check"), true);
// The build goes first in its own phase: the reliability suite and Playwright's web server would each
// start one if it were stale, and two `next build`s in one .next folder break each other.
const [tsc, build] = await Promise.all([
  run("type check", ...npx("tsc", "--noEmit", "-p", "tsconfig.check.json"), false),
  run("production build (if the sources changed)", process.execPath, ["--import", "tsx", "scripts/build.ts"], false),
]);
let vitest = 1;
let pw = 1;
if (build === 0) {
  vitest = await run("vitest", ...npx("vitest", "run"), true);
  pw = await run("playwright", ...npx("playwright", "test"), true);
} else console.log("the build failed: Vitest and Playwright not run");

const v = readCounts(vitestCounts, (j) => j) ?? { passed: 0, failed: 1 };
const p = readCounts(playwrightResults, (j) => ({
  passed: (j.stats?.expected ?? 0) + (j.stats?.flaky ?? 0),
  failed: (j.stats?.unexpected ?? 0) || (pw !== 0 ? 1 : 0),
})) ?? { passed: 0, failed: 1 };
rmSync(counts, { recursive: true, force: true });
const failed = v.failed + p.failed + (lint !== 0 ? 1 : 0) + (tsc !== 0 ? 1 : 0) + (vitest !== 0 && v.failed === 0 ? 1 : 0);
if (lint !== 0) console.log("biome check failed (counted as 1 failure)");
if (tsc !== 0) console.log("type check failed (counted as 1 failure)");
console.log(`npm test: ${secs(started)} in all`);
console.log(`Tests: ${v.passed + p.passed} passed, ${failed} failed`);
process.exit(lint || tsc || build || vitest || pw ? 1 : 0);
