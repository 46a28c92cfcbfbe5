// Upload sessions on disk: a file sent in chunks (each under the upload body
// limit, lib/api/body-limits.json) is assembled in `uploads/` next to the
// database, as `<id>.part` (the bytes received so far, in order) and
// `<id>.json` (its name, declared size and sha256). File work only, no SQL;
// the use cases (lib/services/uploads.ts) decide what is allowed.
import { createHash, randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databasePath } from "./database-path";

export type UploadMeta = { id: string; fileName: string; size: number; sha256: string; createdAt: number };

const ID_RE = /^[0-9a-f]{32}$/;

/** Where sessions are assembled: UPLOAD_DIR, or `uploads/` next to the database. */
export function uploadDir(): string {
  return process.env.UPLOAD_DIR ? path.resolve(process.env.UPLOAD_DIR) : path.join(path.dirname(databasePath()), "uploads");
}

const files = (id: string, dir: string) => ({ meta: path.join(dir, `${id}.json`), part: path.join(dir, `${id}.part`) });

export function createUploadSession(fileName: string, size: number, sha256: string, now: number, dir = uploadDir()): UploadMeta {
  mkdirSync(dir, { recursive: true });
  const meta: UploadMeta = { id: randomBytes(16).toString("hex"), fileName, size, sha256, createdAt: now };
  const f = files(meta.id, dir);
  writeFileSync(f.part, new Uint8Array(0));
  writeFileSync(f.meta, JSON.stringify(meta));
  return meta;
}

/** The session and how many bytes of it arrived, or null for an unknown (or malformed) id. */
export function findUploadSession(id: string, dir = uploadDir()): { meta: UploadMeta; received: number } | null {
  if (!ID_RE.test(id)) return null;
  const f = files(id, dir);
  if (!existsSync(f.meta) || !existsSync(f.part)) return null;
  return { meta: JSON.parse(readFileSync(f.meta, "utf8")) as UploadMeta, received: statSync(f.part).size };
}

/** Appends at the end of what arrived (synchronous, so two chunks of one session never interleave). */
export function appendUploadChunk(id: string, bytes: Uint8Array, dir = uploadDir()): number {
  const f = files(id, dir);
  appendFileSync(f.part, bytes);
  return statSync(f.part).size;
}

export function readUploadBytes(id: string, dir = uploadDir()): Uint8Array {
  return new Uint8Array(readFileSync(files(id, dir).part));
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function deleteUploadSession(id: string, dir = uploadDir()): void {
  if (!ID_RE.test(id)) return;
  const f = files(id, dir);
  rmSync(f.part, { force: true });
  rmSync(f.meta, { force: true });
}

/** Removes sessions created before `before` (abandoned uploads); returns their ids. */
export function pruneUploadSessions(before: number, dir = uploadDir()): string[] {
  if (!existsSync(dir)) return [];
  const gone: string[] = [];
  for (const name of readdirSync(dir)) {
    const id = name.replace(/\.(json|part)$/, "");
    if (!ID_RE.test(id) || gone.includes(id)) continue;
    const s = findUploadSession(id, dir);
    if (!s || s.meta.createdAt < before) {
      deleteUploadSession(id, dir);
      gone.push(id);
    }
  }
  return gone;
}
