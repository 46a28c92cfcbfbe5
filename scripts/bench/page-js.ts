// The JavaScript an App Router page loads, from the last `next build`: the
// root main files of its build manifest (Next's runtime, React) plus every
// entry chunk in its client reference manifest: the layouts, the error and
// not-found boundaries (the browser fetches those too) and the page. The nomodule polyfills are left out (modern browsers skip them).
// gzip at Node's default level, as `next start` compresses.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export const PAGE_JS_BUDGET_KB = 200;

/**
 * files: loaded before the page is interactive; lazyFiles: the chunks those
 * load on demand (next/dynamic — here, the charts right after hydration),
 * found as "static/chunks/…" references in their code, transitively.
 */
export type PageJs = {
  route: string;
  files: string[];
  rawKb: number;
  gzipKb: number;
  lazyFiles: string[];
  lazyGzipKb: number;
  /** Everything the page loads: the budget is on this. */
  totalGzipKb: number;
};

const gzKb = (root: string, files: string[]) => files.reduce((n, f) => n + gzipSync(readFileSync(path.join(root, f))).length, 0) / 1024;

export function pageJs(route: string, root = path.resolve(".next")): PageJs | null {
  const dir = path.join(root, "server/app", route);
  const buildFile = path.join(dir, "page/build-manifest.json");
  const refFile = `${dir}/page_client-reference-manifest.js`;
  if (!existsSync(buildFile) || !existsSync(refFile)) return null;
  const build = JSON.parse(readFileSync(buildFile, "utf8")) as { rootMainFiles: string[] };
  // The reference manifest is a script that assigns globalThis.__RSC_MANIFEST[route].
  const g = globalThis as unknown as { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> };
  new Function(readFileSync(refFile, "utf8"))();
  const entry = g.__RSC_MANIFEST?.[`${route}/page`]?.entryJSFiles ?? {};
  const entryFiles = [...new Set(Object.values(entry).flat())];
  const files = [...new Set([...build.rootMainFiles, ...entryFiles])];
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = readFileSync(path.join(root, f));
    raw += buf.length;
    gz += gzipSync(buf).length;
  }
  const seen = new Set(files);
  const lazyFiles: string[] = [];
  for (let i = 0, queue = [...entryFiles]; i < queue.length; i++) {
    for (const ref of readFileSync(path.join(root, queue[i]!), "utf8").match(/static\/chunks\/[\w.-]+\.js/g) ?? []) {
      if (seen.has(ref) || !existsSync(path.join(root, ref))) continue;
      seen.add(ref);
      lazyFiles.push(ref);
      queue.push(ref);
    }
  }
  const lazyGzipKb = gzKb(root, lazyFiles);
  return { route, files, rawKb: raw / 1024, gzipKb: gz / 1024, lazyFiles, lazyGzipKb, totalGzipKb: gz / 1024 + lazyGzipKb };
}
