// Opens (creating if needed) and migrates the SQLite file before the app
// starts. Every way this can fail on a learner's machine becomes a SetupError
// with one line naming the path and what to do.
import { mkdirSync, accessSync, constants, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate, readMigrations, MigrationError, type MigrateResult } from "./migrate";

export class SetupError extends Error {
  override name = "SetupError";
}

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

export function openDatabase(file: string): Database.Database {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
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
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
  } catch (e) {
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
  const db = openDatabase(file);
  try {
    return migrate(db, readMigrations(migrationsDir), now);
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
