// `npm start`: create and migrate the database, load the content, build if
// needed, then serve on HOST:PORT (127.0.0.1:3000 by default).
import { spawn } from "node:child_process";
import path from "node:path";
import { migrateOrExit } from "./lib/setup-steps";
import { buildIfStale } from "./lib/build-if-stale";
import { syncContentOrExit } from "./lib/sync-step";
import { autoBackupStep } from "./lib/backup-step";

const host = process.env.HOST ?? "127.0.0.1";
const port = process.env.PORT ?? "3000";

migrateOrExit();
await autoBackupStep();
await syncContentOrExit();
buildIfStale();

// scripts/serve.mjs is `next start` plus a body-size check before reading. The IPC channel is
// its lifeline: if this process dies in any way, the server stops too (scripts/serve.mjs).
const server = spawn(process.execPath, [path.resolve("scripts/serve.mjs")], {
  stdio: ["inherit", "inherit", "inherit", "ipc"],
  env: { ...process.env, HOST: host, PORT: port, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
console.log(`Cardinal: http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
// tsx runs this file in a child process; if tsx itself is killed outright, this one is
// re-parented: stop the server then, rather than serve on with no one to stop it.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) server.kill("SIGTERM");
}, 500).unref();
