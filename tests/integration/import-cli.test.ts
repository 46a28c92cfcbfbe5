// `npm run import -- <file>` as a learner runs it: the summary first and
// nothing stored; `--yes` imports; the same file again, a wrong file or an
// unreadable path prints one line, exits 1 and changes nothing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { bigRevlogCsv } from "../helpers/reference-csv";

const run = (env: Record<string, string>, ...args: string[]) => {
  const r = spawnSync("npx", ["--no-install", "tsx", "scripts/import.ts", ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
};

describe("Anki import from the command line", () => {
  it("prints the summary, imports with --yes, and refuses a repeat or a wrong file with one line", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cardinal-cli-import-"));
    const env = { DATABASE_URL: `file:${path.join(dir, "c.db")}` };
    const csv = bigRevlogCsv();
    const file = path.join(dir, csv.name);
    writeFileSync(file, csv.bytes);
    const count = () => {
      const db = new Database(path.join(dir, "c.db"), { readonly: true });
      const n = db.prepare(`SELECT count(*) FROM ImportedReview`).pluck().get() as number;
      db.close();
      return n;
    };

    const preview = run(env, file);
    expect(preview.status, preview.stderr).toBe(0);
    const head = csv.real ? `${csv.name} (fsrs-csv): 40,075 reviews of 5,184 cards, from 2017-01-08 to 2023-09-04` : `${csv.name} (fsrs-csv): `;
    expect(preview.stdout).toContain(head);
    expect(preview.stdout).toMatch(/ratings: Again \d+% · Hard \d+% · Good \d+% · Easy \d+%/);
    if (csv.real) expect(preview.stdout).toContain("skipped 1,772 cram / filtered-deck reviews");
    expect(preview.stdout).toMatch(/nothing stored yet: run again with --yes to import$/);
    expect(count()).toBe(0);

    const json = run(env, file, "--json");
    expect(json.status).toBe(0);
    const reviews = (JSON.parse(json.stdout) as { summary: { reviews: number } }).summary.reviews;
    expect(count()).toBe(0);

    const done = run(env, file, "--yes");
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toMatch(new RegExp(`imported ${reviews.toLocaleString("en")} reviews as your Anki history \\(import \\d+\\)$`));
    expect(count()).toBe(reviews);

    const again = run(env, file, "--yes");
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^import: this file was already imported on \d{4}-\d\d-\d\d \(as .*\); nothing was changed$/);
    const wrong = path.join(dir, "notes.csv");
    writeFileSync(wrong, "front,back\nhello,world\n");
    const w = run(env, wrong, "--yes");
    expect(w.status).toBe(1);
    expect(w.stderr.split("\n")).toHaveLength(1);
    expect(w.stderr).toMatch(/^import: this CSV is not a review history/);
    const missing = run(env, path.join(dir, "nope.colpkg"));
    expect(missing).toMatchObject({ status: 1, stderr: `import: cannot read ${path.join(dir, "nope.colpkg")} (ENOENT)` });
    expect(run(env).status).toBe(2);
    expect(count()).toBe(reviews);
  }, 120_000);
});
