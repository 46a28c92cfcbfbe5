// What a learner sees when `npm start` cannot use the database: one line on
// stderr naming the path and what to do, exit code 1, no stack trace.
import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { tmpdir } from "node:os";
import path from "node:path";

function migrateWith(url: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  return { status: r.status, stderr: r.stderr.trim(), stdout: r.stdout.trim() };
}

describe("db:migrate on bad setups", () => {
  it("creates and migrates a new database, then applies nothing the second time", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "cardinal-cli-")), "nested", "c.db");
    const first = migrateWith(`file:${file}`);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`database ${file}: [1-9]\\d* migration\\(s\\) applied`));
    const second = migrateWith(`file:${file}`);
    expect(second.stdout).toMatch(/: 0 migration\(s\) applied/);
  });

  it("stops with one line for a corrupt file", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "cardinal-cli-")), "bad.db");
    writeFileSync(file, "garbage ".repeat(1000));
    const r = migrateWith(file);
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`cardinal: ${file} is not a usable SQLite database`);
  });

  it("stops with one line for an unwritable path", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cardinal-cli-"));
    writeFileSync(path.join(dir, "file"), "x");
    const r = migrateWith(`file:${path.join(dir, "file", "c.db")}`);
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^cardinal: cannot write the database at .*DATABASE_URL/);
  });

  it("stops with one line for another program's SQLite file and leaves it byte-for-byte untouched", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "cardinal-cli-")), "other.db");
    const other = new Database(file);
    other.exec(`CREATE TABLE Card (id INTEGER PRIMARY KEY, front TEXT, back TEXT); INSERT INTO Card VALUES (1, 'Q', 'A')`);
    other.close();
    const before = readFileSync(file);
    const r = migrateWith(`file:${file}`);
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toBe(
      `cardinal: ${file} is not Cardinal's database: it holds another program's data (tables Card) and no Cardinal migrations; it was left untouched. Set DATABASE_URL to another file, e.g. DATABASE_URL=file:./data/cardinal.db`,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    const after = new Database(file, { readonly: true });
    expect(after.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all()).toEqual([{ name: "Card" }]);
    after.close();
  });

  it("fails within 5 seconds with one line for a path that cannot be created (under /proc)", () => {
    const t0 = Date.now();
    const r = migrateWith("file:/proc/cardinal/data/c.db");
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^cardinal: cannot write the database at \/proc\/cardinal\/data\/c\.db \(ENOENT\); set DATABASE_URL/);
  });
});
