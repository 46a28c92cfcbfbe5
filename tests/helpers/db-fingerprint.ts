// A checksum of every row of every table of a SQLite file, to prove that a
// request wrote nothing: equal fingerprints before and after, nothing changed.
import { createHash } from "node:crypto";
import Database from "better-sqlite3";

export function fingerprint(db: Database.Database): Record<string, string> {
  // A full-text table's shadow tables (CardSearch_data, _idx, ... some WITHOUT ROWID) are its storage:
  // the virtual table itself is read instead, so its rows are covered once.
  const virtual = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).pluck().all() as string[];
  const tables = (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]
  ).filter(({ name }) => !virtual.some((v) => name.startsWith(`${v}_`)));
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all();
    out[name] = createHash("sha256")
      .update(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v)))
      .digest("hex")
      .slice(0, 16);
  }
  return out;
}

/** Fingerprint of a file, opened read-only for just this read (the server keeps writing it). */
export function fingerprintFile(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fingerprint(db);
  } finally {
    db.close();
  }
}
