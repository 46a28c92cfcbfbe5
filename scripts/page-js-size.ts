// npx tsx scripts/page-js-size.ts [/route ...]   JavaScript a page loads, gzipped, from the last `next build`
// (default: /progress and /cards/[id]; see scripts/bench/page-js.ts for what counts). Exits 1 over budget.
import { PAGE_JS_BUDGET_KB, pageJs } from "./bench/page-js";

const routes = process.argv.slice(2).filter((a) => a.startsWith("/"));
if (routes.length === 0) routes.push("/progress", "/cards/[id]");
let over = false;
console.log("| page | files | raw kB | gzipped kB | budget | + lazy chunks (charts), gzipped kB |\n| --- | --- | --- | --- | --- | --- |");
for (const route of routes) {
  const r = pageJs(route);
  if (!r) {
    console.error(`${route}: no build manifest; run \`npm run build\` first`);
    process.exit(1);
  }
  const ok = r.gzipKb <= PAGE_JS_BUDGET_KB;
  over ||= !ok;
  console.log(
    `| ${route} | ${r.files.length} | ${r.rawKb.toFixed(1)} | ${r.gzipKb.toFixed(1)} | ≤ ${PAGE_JS_BUDGET_KB} kB ${ok ? "PASS" : "FAIL"} | ${r.lazyFiles.length} files, +${r.lazyGzipKb.toFixed(1)} = ${(r.gzipKb + r.lazyGzipKb).toFixed(1)} |`,
  );
}
process.exit(over ? 1 : 0);
