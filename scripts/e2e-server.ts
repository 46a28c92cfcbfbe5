// A server Playwright tests run against: the built app on a fresh database of
// its own (never the learner's), holding the real content — or, with
// E2E_EMPTY=1, no content at all (for empty-state pages; it reuses the build).
import { rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";

const empty = process.env.E2E_EMPTY === "1";
const file = path.resolve(`.tmp/e2e${empty ? "-empty" : ""}/cardinal-e2e.db`);
rmSync(path.dirname(file), { recursive: true, force: true });
mkdirSync(path.dirname(file), { recursive: true });
process.env.DATABASE_URL = `file:${file}`;

const { migrateOrExit } = await import("./lib/setup-steps");
const { syncContentOrExit } = await import("./lib/sync-step");
const { buildIfStale } = await import("./lib/build-if-stale");
migrateOrExit();
if (!empty) {
  await syncContentOrExit();
  buildIfStale();
  // Spec files share this database: a generous new-card limit keeps one spec's
  // answers from emptying another's queue.
  const { getSettings, saveSettings } = await import("../lib/services/settings");
  saveSettings({ ...getSettings(), newPerDay: 1000 }, new Date());
}

const server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", process.env.PORT ?? "3100"], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
