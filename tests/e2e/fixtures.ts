// Every spec file gets its own server on its own database: import `test` and
// `expect` from here (not from @playwright/test) and `page`, `request` and
// relative URLs point at it. The database is a copy of the template the
// global e2e server prepared (migrated, content synced, default settings:
// .tmp/e2e/template.db), so what one spec answers, suspends or saves is never
// seen by another. The tests of one file share their server, in file order.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { test as base, expect } from "@playwright/test";

const TEMPLATE = path.resolve(".tmp/e2e/template.db");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

type SpecServer = { file: string; url: string; child: ChildProcess; dir: string };

async function start(specFile: string): Promise<SpecServer> {
  const name = path.basename(specFile).replace(/\W+/g, "-");
  const dir = path.resolve(`.tmp/e2e-specs/${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const db = path.join(dir, "cardinal.db");
  copyFileSync(TEMPLATE, db);
  const port = await freePort();
  // The production server as `npm start` runs it (scripts/serve.mjs: next's handler plus the body-size check).
  const child = spawn(process.execPath, [path.resolve("scripts/serve.mjs")], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), DATABASE_URL: `file:${db}`, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const url = `http://127.0.0.1:${port}`;
  for (const until = Date.now() + 60_000; Date.now() < until; ) {
    if (child.exitCode !== null) throw new Error(`the server for ${name} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return { file: specFile, url, child, dir };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`the server for ${name} did not answer within 60 s`);
}

function stop(s: SpecServer): Promise<void> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null) return resolve();
    s.child.once("exit", () => resolve());
    s.child.kill("SIGTERM");
  });
}

/** One server at a time per worker: a new spec file stops the previous file's server and starts its own. */
class SpecServers {
  private current: SpecServer | null = null;
  async forFile(file: string): Promise<SpecServer> {
    if (this.current?.file === file) return this.current;
    if (this.current) await stop(this.current);
    this.current = await start(file);
    return this.current;
  }
  async close(): Promise<void> {
    if (this.current) await stop(this.current);
    this.current = null;
  }
}

export const test = base.extend<{ specServer: SpecServer }, { specServers: SpecServers }>({
  specServers: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      const servers = new SpecServers();
      await use(servers);
      await servers.close();
    },
    { scope: "worker" },
  ],
  specServer: async ({ specServers }, use, testInfo) => {
    await use(await specServers.forFile(testInfo.file));
  },
  baseURL: async ({ specServer }, use) => {
    await use(specServer.url);
  },
});

export { expect };
export type { Page, APIRequestContext } from "@playwright/test";
