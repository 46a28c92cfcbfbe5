import { describe, it, expect } from "vitest";
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { migrate, readMigrations } from "../../lib/db/migrate";
import { prepareDatabase, SetupError, MIGRATIONS_DIR } from "../../lib/db/prepare";

const tmp = () => mkdtempSync(path.join(tmpdir(), "cardinal-migrate-"));

describe("migration runner", () => {
  it("applies every migration once and records Prisma's checksum", () => {
    const file = path.join(tmp(), "a.db");
    const first = prepareDatabase(file);
    const names = readMigrations(MIGRATIONS_DIR).map((m) => m.name);
    expect(first.applied).toEqual(names);
    const db = new Database(file);
    const rows = db.prepare(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations`).all() as {
      migration_name: string;
      checksum: string;
      finished_at: number;
      applied_steps_count: number;
    }[];
    db.close();
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const r of rows) {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, r.migration_name, "migration.sql"));
      expect(r.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(r.finished_at).not.toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
    const second = prepareDatabase(file);
    expect(second.applied).toEqual([]);
    expect(second.total).toBe(names.length);
  });

  it("applies only pending migrations, in name order, each in a transaction", () => {
    const dir = tmp();
    const mdir = path.join(dir, "migrations");
    const add = (name: string, sql: string) => {
      mkdirSync(path.join(mdir, name), { recursive: true });
      writeFileSync(path.join(mdir, name, "migration.sql"), sql);
    };
    add("2_b", `CREATE TABLE b (x INTEGER);`);
    add("1_a", `CREATE TABLE a (x INTEGER);`);
    const db = new Database(path.join(dir, "t.db"));
    expect(migrate(db, readMigrations(mdir)).applied).toEqual(["1_a", "2_b"]);
    add("3_bad", `CREATE TABLE c (x INTEGER); INSERT INTO nope VALUES (1);`);
    expect(() => migrate(db, readMigrations(mdir))).toThrow(/no such table: nope/);
    // The failed migration left neither its table nor a ledger row behind.
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'c'`).get()).toBeUndefined();
    expect(db.prepare(`SELECT count(*) AS n FROM _prisma_migrations`).get()).toEqual({ n: 2 });
    db.close();
  });
});

describe("bad setup stops with one clear line", () => {
  it("names an unwritable path", () => {
    const dir = tmp();
    const blocker = path.join(dir, "not-a-dir");
    writeFileSync(blocker, "x");
    const file = path.join(blocker, "cardinal.db");
    expect(() => prepareDatabase(file)).toThrow(SetupError);
    expect(() => prepareDatabase(file)).toThrow(new RegExp(`cannot write the database at ${file}.*DATABASE_URL`));
  });

  it("names a corrupt file", () => {
    const file = path.join(tmp(), "corrupt.db");
    writeFileSync(file, "this is not sqlite ".repeat(300));
    expect(() => prepareDatabase(file)).toThrow(new RegExp(`${file} is not a usable SQLite database.*move it aside`));
  });

  it("refuses a database migrated by newer code", () => {
    const file = path.join(tmp(), "ahead.db");
    prepareDatabase(file);
    const db = new Database(file);
    db.prepare(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x', 'y', '29990101000000_future', 1, 2, 1)`,
    ).run();
    db.close();
    expect(() => prepareDatabase(file)).toThrow(new RegExp(`${file}: the database has 1 migration\\(s\\) newer than this code \\(29990101000000_future\\)`));
  });
});
