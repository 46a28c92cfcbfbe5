// scripts/bench/page-js.ts on a miniature `next build` output: a page's files
// before it is interactive, the chunks they load lazily (transitively, each
// once), and the total the 200 kB budget is on.
// tests/e2e/progress.spec.ts checks the same count against what Chromium fetches.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { pageJs } from "../../../scripts/bench/page-js";

let root = "";
afterEach(() => rmSync(root, { recursive: true, force: true }));

function chunk(name: string, body: string) {
  writeFileSync(path.join(root, "static/chunks", name), body);
  return gzipSync(Buffer.from(body)).length / 1024;
}

function build() {
  root = mkdtempSync(path.join(tmpdir(), "page-js-"));
  mkdirSync(path.join(root, "static/chunks"), { recursive: true });
  const dir = path.join(root, "server/app/progress");
  mkdirSync(path.join(dir, "page"), { recursive: true });
  writeFileSync(path.join(dir, "page/build-manifest.json"), JSON.stringify({ rootMainFiles: ["static/chunks/main.js"] }));
  const entry = {
    "[project]/app/layout": ["static/chunks/layout.js"],
    // The error boundary's chunk: Chromium fetches it with the page (the first version of this script left it out).
    "[project]/app/error": ["static/chunks/layout.js", "static/chunks/error.js"],
    "[project]/app/progress/page": ["static/chunks/layout.js", "static/chunks/page.js"],
  };
  writeFileSync(
    path.join(dir, "page_client-reference-manifest.js"),
    `globalThis.__RSC_MANIFEST={"/progress/page":${JSON.stringify({ entryJSFiles: entry })}};`,
  );
  const random = (n: number) => Array.from({ length: n }, (_, i) => ((i * 7919) % 251).toString(36)).join("");
  return {
    main: chunk("main.js", `main ${random(3000)}`),
    layout: chunk("layout.js", `layout ${random(500)}`),
    error: chunk("error.js", `error ${random(300)}`),
    // The page loads a chart chunk on demand, which loads another; both are named twice.
    page: chunk("page.js", `load("static/chunks/chart.js"); load("static/chunks/chart.js")`),
    chart: chunk("chart.js", `chart ${random(4000)} load("static/chunks/scales.js")`),
    scales: chunk("scales.js", `scales ${random(2000)} load("static/chunks/chart.js")`),
  };
}

describe("pageJs", () => {
  it("counts the files before interaction and every lazily loaded chunk once, and totals them", () => {
    const kb = build();
    const r = pageJs("/progress", root)!;
    expect(r.files).toEqual(["static/chunks/main.js", "static/chunks/layout.js", "static/chunks/error.js", "static/chunks/page.js"]);
    expect(r.lazyFiles).toEqual(["static/chunks/chart.js", "static/chunks/scales.js"]);
    expect(r.gzipKb).toBeCloseTo(kb.main + kb.layout + kb.error + kb.page, 6);
    expect(r.lazyGzipKb).toBeCloseTo(kb.chart + kb.scales, 6);
    expect(r.totalGzipKb).toBeCloseTo(kb.main + kb.layout + kb.error + kb.page + kb.chart + kb.scales, 6);
  });

  it("is null without a build", () => {
    root = mkdtempSync(path.join(tmpdir(), "page-js-"));
    expect(pageJs("/progress", root)).toBeNull();
  });
});
