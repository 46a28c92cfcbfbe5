// The reference Anki history (../shared/data/anki-revlog-41k.csv, never
// committed). CI has it next to the repo; a git worktree under wt/<name> has
// it one level further up.
import { existsSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NAME = "anki-revlog-41k.csv";

export function referenceCsvPath(): string | null {
  for (const dir of ["../shared/data", "../../shared/data"]) {
    const p = path.resolve(ROOT, dir, NAME);
    if (existsSync(p)) return p;
  }
  return null;
}
