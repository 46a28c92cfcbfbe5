// File uploads (backups to restore, Anki files to import) are JSON like every
// other API write (proxy.ts requires it): `{ fileName, data }` with the file
// as base64, on the paths lib/api/body-limits.json lists, up to
// MAX_UPLOAD_BYTES (760 KiB) of file. Size is checked from the declared length before
// the body is read, and counted while it streams. Larger files go in chunks
// (POST /api/v1/uploads, then /api/v1/uploads/chunks; docs/decisions/0070) and
// are then named by `{ uploadId }`.
import { z } from "zod";
import limits from "./body-limits.json";
import { jsonError, MAX_UPLOAD_BODY_BYTES, readLimited, zodError } from "./route";

/** What fits in one upload body (body-limits.json "upload", as base64 JSON). */
export const MAX_UPLOAD_BYTES = 760 * 1024;

export type Upload = { ok: true; name: string; bytes: Uint8Array; body: Record<string, unknown> } | { ok: false; response: Response };

const mib = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MiB` : `${Math.round(n / 1024)} KiB`);
const tooLarge = (limit: number) => ({ ok: false as const, response: jsonError(413, `the file is too large (limit ${mib(limit)})`) });

const uploadBody = z
  .object({
    fileName: z.string().trim().min(1).max(300),
    /** The file's bytes as base64. */
    data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "data must be the file as base64"),
  })
  .passthrough();

/** A file already sent in chunks (`{ uploadId, ...extra }`, POST /api/v1/uploads): the use case takes it from the session. */
export type Sent = { ok: true; uploadId: string; body: Record<string, unknown> };
export type Named = { ok: true; savedName: string } | Sent | Upload;

const uploadIdRe = /^[0-9a-f]{32}$/;
const sentBody = z.object({ uploadId: z.string().regex(uploadIdRe, "uploadId must be the id POST /api/v1/uploads gave") }).passthrough();

/** A restore names a saved backup (`{ name }`), a finished chunked upload (`{ uploadId }`) or uploads one (`{ fileName, data }`). */
export async function readUploadOrName(req: Request): Promise<Named> {
  return readUpload(req, MAX_UPLOAD_BYTES, true);
}

export async function readUpload(req: Request, limit?: number): Promise<Sent | Upload>;
export async function readUpload(req: Request, limit: number, allowName: true): Promise<Named>;
export async function readUpload(req: Request, limit = MAX_UPLOAD_BYTES, allowName = false): Promise<Named> {
  // base64 is 4 bytes for 3, plus the JSON around it.
  const bodyLimit = Math.min(MAX_UPLOAD_BODY_BYTES, Math.ceil(limit / 3) * 4 + 4096);
  const text = await readLimited(req, bodyLimit);
  if (text === null) return tooLarge(limit);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError(400, "the upload is not valid JSON (interrupted?)") };
  }
  if (allowName) {
    const named = z
      .object({ name: z.string().min(1).max(200) })
      .strict()
      .safeParse(json);
    if (named.success) return { ok: true, savedName: named.data.name };
  }
  if (json !== null && typeof json === "object" && "uploadId" in json) {
    const sent = sentBody.safeParse(json);
    return sent.success ? { ok: true, uploadId: sent.data.uploadId, body: sent.data } : { ok: false, response: zodError(sent.error) };
  }
  const r = uploadBody.safeParse(json);
  if (!r.success) return { ok: false, response: zodError(r.error) };
  const bytes = new Uint8Array(Buffer.from(r.data.data, "base64"));
  if (bytes.length > limit) return tooLarge(limit);
  if (bytes.length === 0) return { ok: false, response: jsonError(400, "the file is empty") };
  return { ok: true, name: r.data.fileName, bytes, body: r.data };
}

/** The largest file a chunked upload takes (body-limits.json "uploadFile", 200 MiB). */
export const MAX_UPLOAD_FILE_BYTES: number = limits.uploadFile;

/** Chunks the browser sends: small enough that their base64 JSON fits the upload body limit. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;

export const startUploadSchema = z
  .object({
    fileName: z.string().trim().min(1).max(300),
    size: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, "sha256 must be the file's SHA-256 as 64 hex digits"),
  })
  .strict();

const chunkSchema = z
  .object({
    uploadId: z.string().regex(uploadIdRe, "uploadId must be the id POST /api/v1/uploads gave"),
    offset: z.number().int().min(0),
    data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "data must be the chunk as base64"),
  })
  .strict();

export const uploadIdParams = z.object({ id: z.string().regex(uploadIdRe, "not an upload id") });

export type Chunk = { ok: true; uploadId: string; offset: number; bytes: Uint8Array } | { ok: false; response: Response };

/** One chunk `{ uploadId, offset, data: base64 }`, read up to the upload body limit. */
export async function readChunk(req: Request): Promise<Chunk> {
  const text = await readLimited(req, MAX_UPLOAD_BODY_BYTES);
  if (text === null) return { ok: false, response: jsonError(413, `the chunk is too large (limit ${MAX_UPLOAD_BODY_BYTES} bytes of JSON)`) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError(400, "the chunk is not valid JSON (interrupted?)") };
  }
  const r = chunkSchema.safeParse(json);
  if (!r.success) return { ok: false, response: zodError(r.error) };
  return { ok: true, uploadId: r.data.uploadId, offset: r.data.offset, bytes: new Uint8Array(Buffer.from(r.data.data, "base64")) };
}
