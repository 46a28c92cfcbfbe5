// Whole-collection backups and restores. A backup is one zip file holding
// `cardinal.db` (SQLite's VACUUM INTO: a consistent, compact copy taken while
// the app runs) and `manifest.json` (app version, migrations, row counts and
// the sha256 of the database). A restore checks everything before it touches
// the live database — zip, manifest, checksum, integrity_check, migrations
// (older: migrated; newer: refused) — keeps the current collection as a
// backup, then copies every table in one transaction on the live connection,
// so the running app and its other connections see the restored data at once.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { appliedMigrations, migrate, readMigrations } from "./migrate";
import { MIGRATIONS_DIR } from "./prepare";
import { databasePath } from "./database-path";
import { sqlite } from "./sqlite";

export const BACKUP_FORMAT = "cardinal-backup";
const DB_ENTRY = "cardinal.db";
const MANIFEST_ENTRY = "manifest.json";
const NAME_RE = /^cardinal-backup-\d{8}-\d{6}-\d{3}(-[a-z-]+)?\.zip$/;

export type Manifest = {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  appVersion: string;
  createdAt: string;
  migrations: string[];
  counts: Record<string, number>;
  database: { file: string; bytes: number; sha256: string };
};

export type BackupInfo = { name: string; bytes: number; createdAt: string };

/** Where backups go: BACKUP_DIR, or `backups/` next to the database. */
export function backupDir(): string {
  return process.env.BACKUP_DIR ? path.resolve(process.env.BACKUP_DIR) : path.join(path.dirname(databasePath()), "backups");
}

export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.resolve(process.cwd(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/**
 * Tables the copy and the counts cover: every real table but SQLite's own and those that triggers rebuild from the
 * copied rows — the full-text index and ReviewSlot (answers per 15 minutes, from ReviewLog).
 */
function userTables(db: Database.Database, schema = "main"): string[] {
  return db
    .prepare(
      `SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'CardSearch%' AND name <> 'ReviewSlot' ORDER BY rowid`,
    )
    .pluck()
    .all() as string[];
}

function counts(db: Database.Database, schema = "main"): Record<string, number> {
  return Object.fromEntries(
    userTables(db, schema)
      .filter((t) => t !== "_prisma_migrations")
      .map((t) => [t, db.prepare(`SELECT count(*) FROM ${schema}."${t}"`).pluck().get() as number]),
  );
}

function stampOf(now: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}-${p(now.getUTCMilliseconds(), 3)}`;
}

/** Writes a backup of the live database into `dir`; `tag` (e.g. "auto", "before-restore") ends the name. */
export function createBackup(now: Date, tag?: string, dir = backupDir()): { name: string; file: string; manifest: Manifest } {
  const db = sqlite();
  mkdirSync(dir, { recursive: true });
  const tmp = path.join(os.tmpdir(), `cardinal-vacuum-${process.pid}-${now.getTime()}-${Math.random().toString(36).slice(2)}.db`);
  try {
    db.prepare(`VACUUM INTO ?`).run(tmp);
    const bytes = readFileSync(tmp);
    const copy = new Database(tmp, { readonly: true });
    let manifest: Manifest;
    try {
      manifest = {
        format: BACKUP_FORMAT,
        formatVersion: 1,
        appVersion: appVersion(),
        createdAt: now.toISOString(),
        migrations: appliedMigrations(copy)
          .filter((m) => m.rolled_back_at == null)
          .map((m) => m.migration_name)
          .sort(),
        counts: counts(copy),
        database: { file: DB_ENTRY, bytes: bytes.length, sha256: sha256(bytes) },
      };
    } finally {
      copy.close();
    }
    const zip = zipSync({ [MANIFEST_ENTRY]: strToU8(JSON.stringify(manifest, null, 2)), [DB_ENTRY]: [bytes, { level: 1 }] });
    const name = `cardinal-backup-${stampOf(now)}${tag ? `-${tag}` : ""}.zip`;
    const file = path.join(dir, name);
    writeFileSync(file, zip);
    return { name, file, manifest };
  } finally {
    rmSync(tmp, { force: true });
  }
}

export function listBackups(dir = backupDir()): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => NAME_RE.test(n));
  } catch {
    return [];
  }
  return names
    .sort()
    .reverse()
    .map((name) => {
      const st = statSync(path.join(dir, name));
      return { name, bytes: st.size, createdAt: st.mtime.toISOString() };
    });
}

/** The path of a backup by name, or null (names are checked, so no path leaves the folder). */
export function backupFile(name: string, dir = backupDir()): string | null {
  if (!NAME_RE.test(name)) return null;
  const file = path.join(dir, name);
  try {
    statSync(file);
    return file;
  } catch {
    return null;
  }
}

/** Keeps the newest `keep` automatic backups ("-auto"); others are the learner's and stay. */
export function pruneAutoBackups(keep: number, dir = backupDir()): string[] {
  const auto = listBackups(dir).filter((b) => b.name.endsWith("-auto.zip"));
  const gone = auto.slice(Math.max(0, keep)).map((b) => b.name);
  for (const n of gone) rmSync(path.join(dir, n), { force: true });
  return gone;
}

export class RestoreError extends Error {
  override name = "RestoreError";
}

export type CheckedBackup = { manifest: Manifest; file: string; migrated: string[] };

/**
 * Everything a restore checks, on a private copy: nothing live is touched.
 * Throws RestoreError with one sentence saying what is wrong.
 */
export function checkBackup(zip: Uint8Array): CheckedBackup {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch {
    throw new RestoreError("this is not a Cardinal backup: the file is not a readable zip (damaged or truncated?)");
  }
  const m = entries[MANIFEST_ENTRY];
  const dbBytes = entries[DB_ENTRY];
  if (!m || !dbBytes) throw new RestoreError(`this is not a Cardinal backup: it must hold ${MANIFEST_ENTRY} and ${DB_ENTRY}`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(strFromU8(m)) as Manifest;
  } catch {
    throw new RestoreError("this is not a Cardinal backup: manifest.json is not valid JSON");
  }
  if (manifest?.format !== BACKUP_FORMAT || manifest.formatVersion !== 1 || typeof manifest.database?.sha256 !== "string") {
    throw new RestoreError("this is not a Cardinal backup (its manifest has another format)");
  }
  if (sha256(dbBytes) !== manifest.database.sha256 || dbBytes.length !== manifest.database.bytes) {
    throw new RestoreError("the backup is damaged: its database does not match the checksum in its manifest");
  }
  const file = path.join(os.tmpdir(), `cardinal-restore-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`);
  writeFileSync(file, dbBytes);
  try {
    const db = new Database(file);
    try {
      let ok: unknown;
      try {
        ok = db.pragma("integrity_check", { simple: true });
      } catch {
        throw new RestoreError("the backup's database is not a readable SQLite file");
      }
      if (ok !== "ok") throw new RestoreError(`the backup's database fails SQLite's integrity check (${String(ok).slice(0, 200)})`);
      const known = readMigrations(MIGRATIONS_DIR);
      const names = new Set(known.map((k) => k.name));
      const applied = appliedMigrations(db).filter((r) => r.rolled_back_at == null);
      const newer = applied.filter((r) => !names.has(r.migration_name));
      if (newer.length > 0)
        throw new RestoreError(`the backup was made by a newer Cardinal (migrations ${newer.map((r) => r.migration_name).join(", ")}); update Cardinal first`);
      const edited = applied.filter((r) => known.find((k) => k.name === r.migration_name)!.checksum !== r.checksum);
      if (edited.length > 0) throw new RestoreError(`the backup's migration ${edited[0]!.migration_name} differs from this Cardinal's`);
      if (applied.length === 0) throw new RestoreError("the backup's database has no Cardinal schema");
      // Older: brought up to date on the copy, as a start would.
      const { applied: migrated } = migrate(db, known);
      return { manifest, file, migrated };
    } finally {
      db.close();
    }
  } catch (e) {
    rmSync(file, { force: true });
    throw e;
  }
}

export type RestoreResult = { manifest: Manifest; migrated: string[]; safetyBackup: string; counts: Record<string, number> };

/** Restores a backup over the live database (see the top of this file). */
export function restoreBackup(zip: Uint8Array, now: Date): RestoreResult {
  const checked = checkBackup(zip);
  try {
    const safety = createBackup(now, "before-restore");
    const db = sqlite();
    db.pragma("foreign_keys = OFF");
    try {
      db.prepare(`ATTACH DATABASE ? AS restored`).run(checked.file);
      try {
        db.transaction(() => {
          const tables = userTables(db);
          const theirs = new Set(userTables(db, "restored"));
          for (const t of [...tables].reverse()) db.prepare(`DELETE FROM main."${t}"`).run();
          db.prepare(`DELETE FROM main.sqlite_sequence`).run();
          // Parents first (creation order), so the full-text triggers find each card's note.
          for (const t of tables) {
            if (!theirs.has(t)) continue;
            const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).map((c) => `"${c}"`).join(", ");
            db.prepare(`INSERT INTO main."${t}" (${cols}) SELECT ${cols} FROM restored."${t}"`).run();
          }
          db.prepare(`INSERT INTO main.sqlite_sequence SELECT * FROM restored.sqlite_sequence`).run();
          const broken = db.prepare(`PRAGMA main.foreign_key_check`).all();
          if (broken.length > 0) throw new RestoreError(`the backup's rows break ${broken.length} foreign key(s); nothing was changed`);
        }).immediate();
      } finally {
        db.prepare(`DETACH DATABASE restored`).run();
      }
    } finally {
      db.pragma("foreign_keys = ON");
    }
    return { manifest: checked.manifest, migrated: checked.migrated, safetyBackup: safety.name, counts: counts(sqlite()) };
  } finally {
    rmSync(checked.file, { force: true });
  }
}
