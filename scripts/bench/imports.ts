// Importing an Anki history at size: a .colpkg (zstd collection.anki21b) with
// 40,000 revlog rows, read, summarised and stored (importHistory, confirmed);
// and the real 41k-review history CSV when ../shared/data has it. The package
// is built with the tests' own builder (a real SQLite collection, zipped).
import { existsSync, readFileSync } from "node:fs";
import { ankiPackage, type Revlog } from "../../tests/helpers/anki";
import { summarize, type Plan, type Summary } from "./measure";
import { rng } from "./rng";

export const REAL_REVLOG_CSV = process.env.ANKI_REVLOG_CSV ?? "../shared/data/anki-revlog-41k.csv";

function revlog(n: number, seed: number): Revlog[] {
  const r = rng(seed);
  const rows: Revlog[] = [];
  let t = Date.UTC(2019, 0, 1);
  for (let i = 0; i < n; i++) {
    t += 1 + Math.floor(r() * 600_000);
    const u = r();
    rows.push({
      id: t,
      cid: 1_500_000_000_000 + Math.floor(r() * 5_000),
      ease: u < 0.1 ? 1 : u < 0.15 ? 2 : u < 0.95 ? 3 : 4,
      type: r() < 0.2 ? 0 : r() < 0.95 ? 1 : 2,
      time: 2000 + Math.floor(r() * 20_000),
    });
  }
  return rows;
}

async function timeFiles(plan: Plan, files: (i: number) => { name: string; bytes: Uint8Array }, now: Date, expect: number): Promise<Summary> {
  const { importHistory } = await import("../../lib/services/imports");
  const { sqlite } = await import("../../lib/db/sqlite");
  const ms: number[] = [];
  for (let i = 0; i < plan.warmup + plan.iterations; i++) {
    const f = files(i);
    sqlite().prepare(`DELETE FROM Import`).run(); // the same file is imported once: start clean (not timed)
    const t = performance.now();
    const r = importHistory(f.name, f.bytes, true, now);
    const dt = performance.now() - t;
    if (!r.ok || r.summary.reviews < expect) throw new Error(`import failed: ${JSON.stringify(r).slice(0, 300)}`);
    if (i >= plan.warmup) ms.push(dt);
  }
  sqlite().prepare(`DELETE FROM Import`).run();
  return summarize(ms);
}

export async function timeColpkgImport(plan: Plan, now: Date, reviews = 40_000): Promise<Summary> {
  const pkg = ankiPackage(revlog(reviews, 11), "anki21b");
  return timeFiles(plan, () => ({ name: "bench.colpkg", bytes: pkg }), now, reviews * 0.99);
}

export async function timeRealCsvImport(plan: Plan, now: Date): Promise<Summary | null> {
  if (!existsSync(REAL_REVLOG_CSV)) return null;
  const bytes = readFileSync(REAL_REVLOG_CSV);
  return timeFiles(plan, () => ({ name: "anki-revlog-41k.csv", bytes }), now, 40_000);
}
