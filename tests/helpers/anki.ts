// Builds small Anki exports for tests: a real SQLite collection with a
// revlog table (Anki's columns), zipped with fflate as a .colpkg/.apkg would
// be. collection.anki21b is zstd; with no zstd compressor among the
// dependencies, it is written as a valid zstd frame of raw (stored) blocks.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { strToU8, zipSync } from "fflate";

export type Revlog = { id: number; cid: number; ease: number; ivl?: number; type: number; time: number };

/** A plain SQLite collection file with Anki's revlog table holding `rows`. */
export function ankiCollection(rows: Revlog[]): Uint8Array {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cardinal-anki-test-"));
  const file = path.join(dir, "collection.anki2");
  const db = new Database(file);
  db.exec(`CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, ver integer NOT NULL);
    CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL);
    CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL, ivl integer NOT NULL,
      lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
    INSERT INTO col VALUES (1, 1500000000, 1500000000, 18);`);
  const ins = db.prepare(`INSERT INTO revlog VALUES (?, ?, -1, ?, ?, 0, 2500, ?, ?)`);
  db.transaction(() => {
    for (const r of rows) ins.run(r.id, r.cid, r.ease, r.ivl ?? 1, r.time, r.type);
  })();
  db.close();
  const bytes = readFileSync(file);
  rmSync(dir, { recursive: true, force: true });
  return bytes;
}

/** A zstd frame holding `data` in raw blocks (what fzstd, and Anki, can read). */
export function zstdStored(data: Uint8Array): Uint8Array {
  const BLOCK = 128 * 1024;
  const parts: Uint8Array[] = [Uint8Array.of(0x28, 0xb5, 0x2f, 0xfd, 0x00, 7 << 3)];
  for (let off = 0; off < data.length || off === 0; off += BLOCK) {
    const chunk = data.subarray(off, Math.min(data.length, off + BLOCK));
    const last = off + BLOCK >= data.length ? 1 : 0;
    const h = (chunk.length << 3) | last; // block type 0: raw
    parts.push(Uint8Array.of(h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff), chunk);
    if (data.length === 0) break;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A .colpkg: modern layout (zstd collection.anki21b beside a stub collection.anki2), or legacy (collection.anki2 only). */
export function ankiPackage(rows: Revlog[], layout: "anki21b" | "anki21" | "anki2" = "anki21b"): Uint8Array {
  const col = ankiCollection(rows);
  const stub = ankiCollection([]);
  if (layout === "anki21b") return zipSync({ "collection.anki2": stub, "collection.anki21b": zstdStored(col), media: strToU8("{}") });
  if (layout === "anki21") return zipSync({ "collection.anki2": stub, "collection.anki21": col, media: strToU8("{}") });
  return zipSync({ "collection.anki2": col, media: strToU8("{}") });
}

/** A small history: three cards, learning then reviews, plus one cram and one manual reschedule. */
export function sampleRevlog(start = Date.UTC(2024, 0, 1)): Revlog[] {
  const DAY = 86_400_000;
  const rows: Revlog[] = [];
  for (const [k, cid] of [1700000000001, 1700000000002, 1700000000003].entries()) {
    rows.push({ id: start + k * 1000, cid, ease: 1, type: 0, time: 8000 });
    rows.push({ id: start + k * 1000 + 600_000, cid, ease: 3, type: 0, time: 6000 });
    rows.push({ id: start + k * 1000 + 3 * DAY, cid, ease: 3, type: 1, time: 5000 });
    rows.push({ id: start + k * 1000 + 10 * DAY, cid, ease: k === 0 ? 1 : 4, type: 1, time: 4000 });
  }
  rows.push({ id: start + 12 * DAY, cid: 1700000000001, ease: 3, type: 3, time: 3000 }); // cram
  rows.push({ id: start + 13 * DAY, cid: 1700000000002, ease: 0, type: 4, time: 0 }); // manual reschedule
  return rows;
}
