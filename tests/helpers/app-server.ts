// The real server (scripts/serve.mjs, as `npm start` runs it) on a database of its
// own, for tests that need HTTP, a process to kill, or its memory: builds if the
// sources changed (as `npm start` does), migrates and seeds the file, and waits
// for /api/v1/health.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { buildIfStale } from "../../scripts/lib/build-if-stale";

export type AppServer = {
  base: string;
  port: number;
  pid: number;
  proc: ChildProcess;
  stop: () => Promise<void>;
  kill9: () => Promise<void>;
  /** What the server wrote to stderr so far. */
  stderr: () => string;
};

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

export function ensureBuilt(): void {
  buildIfStale();
}

/** Starts the server on `dbFile` (already migrated) and a free port; resolves once healthy. */
export async function startServer(dbFile: string, port?: number): Promise<AppServer> {
  const p = port ?? (await freePort());
  const proc = spawn(process.execPath, [path.resolve("scripts/serve.mjs")], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(p), DATABASE_URL: `file:${dbFile}`, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  proc.stderr!.on("data", (c) => (stderr += String(c)));
  const exited = new Promise<void>((r) => proc.once("exit", () => r()));
  const base = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server not healthy in 30 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    port: p,
    pid: proc.pid!,
    proc,
    stderr: () => stderr,
    stop: async () => {
      if (proc.exitCode === null) proc.kill("SIGTERM");
      await exited;
    },
    kill9: async () => {
      proc.kill("SIGKILL");
      await exited;
    },
  };
}

/** Resident memory of a process in MB (Linux). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(m?.[1] ?? 0) / 1024;
}
