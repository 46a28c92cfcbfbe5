// npx tsx scripts/page-js-size.ts [/route ...]   JavaScript a page loads, gzipped, from the last `next build`
// (default: /progress, /cards/[id] and /settings; see scripts/bench/page-js.ts for what counts). The budget is
// on everything the page loads — the files before it is interactive plus any chunks they load lazily
// (next/dynamic) — and the script exits 1 when a page is over it.
import { PAGE_JS_BUDGET_KB, pageJs } from "./bench/page-js";

const routes = process.argv.slice(2).filter((a) => a.startsWith("/"));
if (routes.length === 0) routes.push("/progress", "/cards/[id]", "/settings");
let over = false;
console.log("| page | files | before interaction, gzipped kB | lazy chunks, gzipped kB | total gzipped kB | budget |\n| --- | --- | --- | --- | --- | --- |");
for (const route of routes) {
  const r = pageJs(route);
  if (!r) {
    console.error(`${route}: no build manifest; run \`npx next build\` first`);
    process.exit(1);
  }
  const ok = r.totalGzipKb <= PAGE_JS_BUDGET_KB;
  over ||= !ok;
  console.log(
    `| ${route} | ${r.files.length} + ${r.lazyFiles.length} lazy | ${r.gzipKb.toFixed(1)} (raw ${r.rawKb.toFixed(1)}) | ${r.lazyGzipKb.toFixed(1)} | ${r.totalGzipKb.toFixed(1)} | ≤ ${PAGE_JS_BUDGET_KB} kB ${ok ? "PASS" : "FAIL"} |`,
  );
}
process.exit(over ? 1 : 0);
