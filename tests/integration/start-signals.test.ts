// `npm start` stops as a whole: SIGTERM or SIGINT to the npm process, or the
// wrapper (scripts/start.ts) killed outright, leaves no Next.js server
// serving on. (npm's `sh -c` once swallowed the signal, and a killed wrapper
// left scripts/serve.mjs running with nobody to stop it.)
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, freePort } from "../helpers/app-server";

const baseDb = path.join(process.env.CARDINAL_TEST_DB_DIR!, "base.db");
const started: ChildProcess[] = [];

/** Live (not zombie) processes below `root`, found through /proc: pid → command line. */
function descendants(root: number): Map<number, string> {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (state !== "Z") parentOf.set(Number(name), Number(ppid));
    } catch {
      // gone meanwhile
    }
  }
  const out = new Map<number, string>();
  const walk = (p: number) => {
    for (const [child, parent] of parentOf) {
      if (parent !== p || out.has(child)) continue;
      out.set(child, readFileSync(`/proc/${child}/cmdline`, "utf8").replaceAll("\0", " ").trim());
      walk(child);
    }
  };
  walk(root);
  return out;
}

const alive = (pid: number) => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
  } catch {
    return false;
  }
};

async function healthy(url: string, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening (yet)
    }
  }
  return false;
}

/** `npm start` on a database of its own; resolves once it serves, with its process tree. */
async function npmStart(name: string) {
  const dir = path.resolve(".tmp/start-signals", `${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const db = path.join(dir, "cardinal.db");
  if (!existsSync(db)) copyFileSync(baseDb, db);
  const port = await freePort();
  const npm = spawn("npm", ["start"], {
    env: { ...process.env, DATABASE_URL: `file:${db}`, PORT: String(port), HOST: "127.0.0.1", CARDINAL_BACKUPS_KEEP: "0" },
    stdio: "ignore",
  });
  started.push(npm);
  const health = `http://127.0.0.1:${port}/api/v1/health`;
  expect(await healthy(health, 120_000), `${name}: npm start did not serve`).toBe(true);
  const tree = descendants(npm.pid!);
  expect([...tree.values()].some((c) => c.includes("scripts/serve.mjs"))).toBe(true);
  return { npm, tree, health };
}

async function allGone(pids: number[], ms: number): Promise<number[]> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    if (!pids.some(alive)) return [];
  }
  return pids.filter(alive);
}

// Built once here: three `npm start`s finding the build stale would run three `next build`s in one .next.
beforeAll(() => ensureBuilt(), 300_000);

afterAll(() => {
  for (const p of started) for (const pid of [p.pid!, ...descendants(p.pid!).keys()]) if (alive(pid)) process.kill(pid, "SIGKILL");
});

describe("npm start stops as a whole", () => {
  it("on SIGTERM or SIGINT to npm, and when the wrapper itself is killed with SIGKILL", async () => {
    const [term, int, killed] = await Promise.all([npmStart("term"), npmStart("int"), npmStart("kill")]);

    term.npm.kill("SIGTERM");
    int.npm.kill("SIGINT");
    // The wrapper: the node process running scripts/start.ts (below npm and tsx's launcher).
    const wrapper = [...killed.tree].find(([, c]) => c.includes("scripts/start.ts") && c.includes("loader"))?.[0];
    expect(wrapper, [...killed.tree.values()].join("\n")).toBeDefined();
    process.kill(wrapper!, "SIGKILL");

    for (const [name, s] of [
      ["SIGTERM", term],
      ["SIGINT", int],
      ["SIGKILL of the wrapper", killed],
    ] as const) {
      const left = await allGone(
        [...s.tree.keys()].filter((p) => p !== wrapper),
        15_000,
      );
      expect(
        left.map((p) => s.tree.get(p)),
        `${name}: still running`,
      ).toEqual([]);
      expect(await healthy(s.health, 500), `${name}: still serving`).toBe(false);
    }
  }, 240_000);
});
