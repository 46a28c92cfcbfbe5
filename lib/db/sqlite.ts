// A direct better-sqlite3 connection for the hot paths (answering a card,
// reading the queue) where Prisma's per-query overhead would dominate. Same
// file as the Prisma client; WAL lets both work side by side.
import Database from "better-sqlite3";
import { databasePath } from "./database-path";

const holder = globalThis as unknown as { __cardinalSqlite?: Database.Database; __cardinalSqlitePath?: string };

export function sqlite(): Database.Database {
  const file = databasePath();
  if (!holder.__cardinalSqlite || holder.__cardinalSqlitePath !== file) {
    const db = new Database(file, { timeout: 5000 });
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("synchronous = NORMAL");
    holder.__cardinalSqlite = db;
    holder.__cardinalSqlitePath = file;
  }
  return holder.__cardinalSqlite;
}

/** Cached prepared statements, one set per connection. */
const stmts = new WeakMap<Database.Database, Map<string, Database.Statement>>();
export function stmt(sql: string): Database.Statement {
  const db = sqlite();
  let m = stmts.get(db);
  if (!m) stmts.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}
