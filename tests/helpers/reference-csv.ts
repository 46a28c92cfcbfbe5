// The reference Anki history (../shared/data/anki-revlog-41k.csv, never
// committed). CI has it next to the repo; a git worktree under wt/<name> has
// it one level further up.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { syntheticHistory, toCsv } from "../../lib/fsrs-fit/synthetic-history";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NAME = "anki-revlog-41k.csv";

export function referenceCsvPath(): string | null {
  for (const dir of ["../shared/data", "../../shared/data"]) {
    const p = path.resolve(ROOT, dir, NAME);
    if (existsSync(p)) return p;
  }
  return null;
}

/**
 * A review-log CSV larger than one upload body: the reference file when it is
 * there (1.5 MB, 41,847 reviews), else a generated FSRS-shaped history of at
 * least 1 MiB in the same layout — so the tests that need a big file never skip.
 */
export function bigRevlogCsv(): { name: string; bytes: Uint8Array; real: boolean } {
  const real = referenceCsvPath();
  if (real) return { name: NAME, bytes: new Uint8Array(readFileSync(real)), real: true };
  const text = toCsv(syntheticHistory({ cards: 2_000, days: 900, seed: 41, start: Date.UTC(2022, 0, 1) }));
  const bytes = new TextEncoder().encode(text);
  if (bytes.length < 1024 * 1024) throw new Error(`the generated CSV is only ${bytes.length} bytes`);
  return { name: "generated-revlog.csv", bytes, real: false };
}
