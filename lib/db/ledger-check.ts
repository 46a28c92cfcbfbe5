// Whose database is this, and how far is it migrated? Shared by the setup
// (which refuses to touch another program's file) and the health check (which
// reports it). Reads only: a foreign file must stay byte-for-byte as it was.
import type BetterSqlite3 from "better-sqlite3";
import { appliedMigrations, type Migration } from "./migrate";

export type LedgerState =
  | { kind: "empty" }
  | { kind: "foreign"; message: string }
  | { kind: "ahead"; message: string }
  | { kind: "pending"; message: string; pending: string[] }
  | { kind: "current"; applied: number };

export function ledgerState(db: BetterSqlite3.Database, migrations: Migration[]): LedgerState {
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map(
    (t) => t.name,
  );
  const hasLedger = tables.includes("_prisma_migrations");
  const others = tables.filter((t) => t !== "_prisma_migrations");
  const rows = hasLedger ? appliedMigrations(db).filter((r) => r.rolled_back_at == null) : [];
  if (rows.length === 0) {
    if (others.length === 0) return { kind: "empty" };
    const shown = others.slice(0, 5).join(", ") + (others.length > 5 ? ", …" : "");
    return { kind: "foreign", message: `holds another program's data (tables ${shown}) and no Cardinal migrations` };
  }
  const known = new Set(migrations.map((m) => m.name));
  const unknown = rows.filter((r) => !known.has(r.migration_name)).map((r) => r.migration_name);
  if (unknown.length === rows.length) {
    return { kind: "foreign", message: `holds another program's migrations (${unknown.slice(0, 3).join(", ")}), none of them Cardinal's` };
  }
  if (unknown.length > 0) {
    return {
      kind: "ahead",
      message: `the database has ${unknown.length} migration(s) newer than this code (${unknown.join(", ")}); update Cardinal or use another DATABASE_URL`,
    };
  }
  const done = new Set(rows.map((r) => r.migration_name));
  const pending = migrations.filter((m) => !done.has(m.name)).map((m) => m.name);
  if (pending.length > 0)
    return { kind: "pending", message: `${pending.length} migration(s) not applied (${pending.join(", ")}); run npm run db:migrate`, pending };
  return { kind: "current", applied: rows.length };
}
