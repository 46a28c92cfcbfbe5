// The app's connection to the SQLite file, through better-sqlite3: every
// repository in lib/db runs its SQL here (docs/decisions/0001-database-access.md).
// Prisma's client (./client.ts) shares the file for ordinary model work (the
// content sync, the deck list, health); WAL lets both work side by side.
import Database from "better-sqlite3";
import { databasePath } from "./database-path";

const holder = globalThis as unknown as { __cardinalSqlite?: Database.Database; __cardinalSqlitePath?: string };

/** Opens a connection with the app's pragmas: the one place that does (the app's, a test's, the bench's). */
export function openSqlite(file: string): Database.Database {
  const db = new Database(file, { timeout: 5000 });
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  return db;
}

/**
 * The process's connection (one per process and per dev-server reload), to DATABASE_URL's file. When
 * DATABASE_URL names another file (the next test file of a Vitest worker, the bench's next collection),
 * the old connection is closed and one to the new file opened.
 */
export function sqlite(): Database.Database {
  const file = databasePath();
  if (!holder.__cardinalSqlite || holder.__cardinalSqlitePath !== file) {
    holder.__cardinalSqlite?.close();
    holder.__cardinalSqlite = openSqlite(file);
    holder.__cardinalSqlitePath = file;
  }
  return holder.__cardinalSqlite;
}

/** Cached prepared statements, one set per connection. */
const stmts = new WeakMap<Database.Database, Map<string, Database.Statement>>();
export function prepared(conn: Database.Database, sql: string): Database.Statement {
  let m = stmts.get(conn);
  if (!m) {
    m = new Map();
    stmts.set(conn, m);
  }
  let s = m.get(sql);
  if (!s) {
    s = conn.prepare(sql);
    m.set(sql, s);
  }
  return s;
}

/** A cached prepared statement on the app's connection. */
export function stmt(sql: string): Database.Statement {
  return prepared(sqlite(), sql);
}

/**
 * Runs `fn` in one write transaction on the app's connection (BEGIN IMMEDIATE:
 * the write lock is taken up front, so nothing interleaves). Nested calls become
 * savepoints. A service's one transaction per use case.
 */
export function inWriteTransaction<T>(fn: () => T): T {
  return sqlite().transaction(fn).immediate();
}
