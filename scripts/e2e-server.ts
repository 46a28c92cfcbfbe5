// The servers Playwright starts: this one builds the app, loads the real
// content into a fresh database (never the learner's) and leaves a copy of it
// as .tmp/e2e/template.db, from which every spec file gets a database and a
// server of its own (tests/e2e/fixtures.ts). With E2E_EMPTY=1: no content at
// all (for empty-state pages; it reuses the build).
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
  // The template every spec file's own database is copied from (tests/e2e/fixtures.ts):
  // VACUUM INTO writes one self-contained file, WAL included.
  const { sqlite } = await import("../lib/db/sqlite");
  const template = path.join(path.dirname(file), "template.db");
  rmSync(template, { force: true });
  sqlite().prepare(`VACUUM INTO ?`).run(template);
}

const server = spawn(process.execPath, [path.resolve("scripts/serve.mjs")], {
  stdio: ["inherit", "inherit", "inherit", "ipc"],
  env: { ...process.env, HOST: "127.0.0.1", PORT: process.env.PORT ?? "3100", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
