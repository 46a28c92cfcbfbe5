// Opens (creating if needed) and migrates the SQLite file before the app
// starts. Every way this can fail on a learner's machine becomes a SetupError
// with one line naming the path and what to do.
import { mkdirSync, accessSync, constants, existsSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate, readMigrations, MigrationError, type MigrateResult, type Migration } from "./migrate";
import { ledgerState } from "./ledger-check";

export class SetupError extends Error {
  override name = "SetupError";
}

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

/**
 * mkdir -p, one level at a time: Node's recursive mkdirSync never returns for
 * some paths under /proc (it retries the parent forever), this fails at once.
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  while (!existsSync(at)) {
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  if (!statSync(at).isDirectory()) throw Object.assign(new Error(`${at} is not a directory`), { code: "ENOTDIR" });
  for (const d of missing) mkdirSync(d);
}

/** Opens the file; refuses, before anything writes to it, a database that is not Cardinal's. */
export function openDatabase(file: string, migrations: Migration[] = readMigrations(MIGRATIONS_DIR)): Database.Database {
  try {
    makeDirs(path.dirname(file));
    accessSync(path.dirname(file), constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.R_OK | constants.W_OK);
  } catch (e) {
    throw new SetupError(`cannot write the database at ${file} (${reason(e)}); set DATABASE_URL to a writable path, e.g. DATABASE_URL=file:./data/cardinal.db`);
  }
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (e) {
    throw new SetupError(`cannot open the database at ${file} (${reason(e)}); set DATABASE_URL to a writable path`);
  }
  try {
    // Reading the schema is the cheapest check that the file really is SQLite.
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    // Even `journal_mode = WAL` rewrites the header, so the check comes first.
    const state = ledgerState(db, migrations);
    if (state.kind === "foreign") {
      db.close();
      throw new SetupError(
        `${file} is not Cardinal's database: it ${state.message}; it was left untouched. Set DATABASE_URL to another file, e.g. DATABASE_URL=file:./data/cardinal.db`,
      );
    }
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
  } catch (e) {
    if (e instanceof SetupError) throw e;
    db.close();
    if (isCode(e, "SQLITE_NOTADB") || isCode(e, "SQLITE_CORRUPT")) {
      throw new SetupError(`${file} is not a usable SQLite database (${reason(e)}); move it aside to start fresh, or set DATABASE_URL to another file`);
    }
    if (isCode(e, "SQLITE_READONLY") || isCode(e, "SQLITE_CANTOPEN") || isCode(e, "SQLITE_IOERR")) {
      throw new SetupError(`cannot write the database at ${file} (${reason(e)}); set DATABASE_URL to a writable path`);
    }
    throw e;
  }
  return db;
}

/** Creates and migrates the database file; returns what was applied. */
export function prepareDatabase(file: string, migrationsDir = MIGRATIONS_DIR, now?: () => Date): MigrateResult {
  const migrations = readMigrations(migrationsDir);
  const db = openDatabase(file, migrations);
  try {
    return migrate(db, migrations, now);
  } catch (e) {
    if (e instanceof MigrationError) throw new SetupError(`${file}: ${e.message}`);
    if (isCode(e, "SQLITE_READONLY")) throw new SetupError(`cannot write the database at ${file} (${reason(e)}); set DATABASE_URL to a writable path`);
    throw e;
  } finally {
    db.close();
  }
}

function reason(e: unknown): string {
  if (e && typeof e === "object" && "code" in e && typeof e.code === "string") {
    const msg = e instanceof Error ? e.message.split("\n")[0] : "";
    return msg && !msg.startsWith(e.code) ? `${e.code}: ${msg}` : e.code;
  }
  return e instanceof Error ? e.message : String(e);
}

function isCode(e: unknown, code: string): boolean {
  return !!e && typeof e === "object" && "code" in e && e.code === code;
}
