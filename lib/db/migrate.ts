// Applies prisma/migrations/*/migration.sql in order, keeping Prisma's own
// `_prisma_migrations` ledger (same columns, same sha256 checksum of the file),
// so that `prisma migrate deploy` on a connected machine sees them as applied.
// We need our own runner because Prisma's schema engine is a binary it would
// download, and these machines are offline.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";

export type Migration = { name: string; sql: string; checksum: string };
export type MigrateResult = { applied: string[]; total: number };

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly code: "DATABASE_AHEAD" | "FAILED_MIGRATION" | "CHECKSUM_MISMATCH",
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

// The DDL Prisma itself uses for its ledger on SQLite.
const LEDGER_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

type LedgerRow = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };

export function appliedMigrations(db: BetterSqlite3.Database): LedgerRow[] {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
  if (!exists) return [];
  return db
    .prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at, migration_name`)
    .all() as LedgerRow[];
}

/** Applies pending migrations, each in its own transaction. `now` stamps the ledger. */
export function migrate(db: BetterSqlite3.Database, migrations: Migration[], now: () => Date = () => new Date()): MigrateResult {
  const rows = appliedMigrations(db).filter((r) => r.rolled_back_at == null);
  const known = new Map(migrations.map((m) => [m.name, m]));

  const failed = rows.find((r) => r.finished_at == null);
  if (failed) {
    throw new MigrationError(`migration ${failed.migration_name} started but never finished; restore a backup or mark it rolled back`, "FAILED_MIGRATION");
  }
  const unknown = rows.filter((r) => !known.has(r.migration_name));
  if (unknown.length > 0) {
    throw new MigrationError(
      `the database has ${unknown.length} migration(s) newer than this code (${unknown.map((r) => r.migration_name).join(", ")}); update Cardinal or use another DATABASE_URL`,
      "DATABASE_AHEAD",
    );
  }
  for (const r of rows) {
    if (known.get(r.migration_name)?.checksum !== r.checksum) {
      throw new MigrationError(`migration ${r.migration_name} was edited after it was applied; restore the original file`, "CHECKSUM_MISMATCH");
    }
  }

  const done = new Set(rows.map((r) => r.migration_name));
  const pending = migrations.filter((m) => !done.has(m.name));
  db.exec(LEDGER_DDL);
  const insert = db.prepare(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
  );
  for (const m of pending) {
    db.transaction(() => {
      const started = now().getTime();
      db.exec(m.sql);
      insert.run(randomUUID(), m.checksum, m.name, started, now().getTime());
    })();
  }
  return { applied: pending.map((m) => m.name), total: rows.length + pending.length };
}
