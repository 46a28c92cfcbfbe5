// One client fetch helper (issue 9): app/api-client.ts is the only file under
// app/ that calls fetch, so every call sends writes as JSON, reads without the
// cache and keeps the server's error and details the same way.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
const HELPER = "app/api-client.ts";

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : /\.(ts|tsx|mts|mjs|js|jsx)$/.test(name) ? [full] : [];
  });
}

/** Lines (1-based) that call fetch — bare, `window.fetch` or `globalThis.fetch` — outside comments. */
function fetchCalls(source: string): number[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  return code.split("\n").flatMap((l, i) => (/(^|[^\w$.]|\bwindow\.|\bglobalThis\.|\bself\.)fetch\s*\(/.test(l) ? [i + 1] : []));
}

describe("one client fetch helper", () => {
  it("recognises a direct call and ignores names and comments that only mention it", () => {
    expect(fetchCalls('const r = await fetch("/api/v1/x");')).toEqual([1]);
    expect(fetchCalls("x;\nvoid window.fetch(url)\nglobalThis.fetch (url)")).toEqual([2, 3]);
    expect(fetchCalls("// fetch(url) is not called here\n/* nor fetch(here) */\nprefetch(url); router.fetch(x); refetch()")).toEqual([]);
  });

  it(`no file under app/ but ${HELPER} calls fetch`, () => {
    const offenders = walk(path.join(root, "app"))
      .map((f) => path.relative(root, f).split(path.sep).join("/"))
      .filter((f) => f !== HELPER)
      .flatMap((f) => fetchCalls(readFileSync(path.join(root, f), "utf8")).map((line) => `${f}:${line}`));
    expect(offenders).toEqual([]);
  });

  it(`${HELPER} is where the fetch is`, () => {
    expect(fetchCalls(readFileSync(path.join(root, HELPER), "utf8")).length).toBeGreaterThan(0);
  });
});
