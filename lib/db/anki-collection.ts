// Reads the review log out of an Anki collection export (.colpkg / .apkg): a
// zip holding collection.anki21b (zstd-compressed SQLite, Anki ≥ 2.1.50),
// collection.anki21 or collection.anki2 (plain SQLite) — the newest one wins,
// because newer packages keep a stub "please update Anki" collection.anki2
// beside the real one. The SQLite file is opened read-only from a temp copy.
import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { unzipSync } from "fflate";
import { decompress } from "fzstd";
import { ImportError, type AnkiRevlogRow } from "../import/revlog";

const COLLECTIONS = ["collection.anki21b", "collection.anki21", "collection.anki2"] as const;
const SQLITE_MAGIC = "SQLite format 3\0";
/** A decompressed collection larger than this is refused (zip bombs, or not a study collection). */
export const MAX_COLLECTION_BYTES = 1024 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function readAnkiPackage(bytes: Uint8Array): AnkiRevlogRow[] {
  let entries: Record<string, Uint8Array>;
  try {
    // Only the collection is unpacked; media files stay compressed.
    entries = unzipSync(bytes, { filter: (f) => (COLLECTIONS as readonly string[]).includes(f.name) && f.originalSize <= MAX_COLLECTION_BYTES });
  } catch {
    throw new ImportError("this Anki file cannot be read: the zip is damaged or truncated");
  }
  const name = COLLECTIONS.find((n) => entries[n]);
  if (!name)
    throw new ImportError(
      "this zip holds no Anki collection (collection.anki21b, collection.anki21 or collection.anki2); export from Anki with File → Export… → Anki Collection Package",
    );
  let db = entries[name]!;
  if (name.endsWith("b")) {
    try {
      db = decompress(db);
    } catch {
      throw new ImportError("this Anki file cannot be read: its collection.anki21b is not valid zstd (damaged or truncated)");
    }
  }
  if (new TextDecoder().decode(db.subarray(0, 16)) !== SQLITE_MAGIC)
    throw new ImportError(`this Anki file cannot be read: its ${name} is not an SQLite database`);
  const file = path.join(os.tmpdir(), `cardinal-anki-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`);
  writeFileSync(file, db);
  try {
    const c = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const hasRevlog = c.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'revlog'`).get();
      if (!hasRevlog) throw new ImportError(`this Anki file's ${name} has no review log (revlog table)`);
      return c.prepare(`SELECT id, cid, ease, type, time FROM revlog`).all() as AnkiRevlogRow[];
    } catch (e) {
      if (e instanceof ImportError) throw e;
      throw new ImportError(`this Anki file's ${name} cannot be read (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`);
    } finally {
      c.close();
    }
  } finally {
    rmSync(file, { force: true });
  }
}
