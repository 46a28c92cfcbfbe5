// File uploads (backups to restore, Anki files to import) are JSON like every
// other API write (proxy.ts requires it): `{ fileName, data }` with the file
// as base64, on the paths lib/api/body-limits.json lists, up to
// MAX_UPLOAD_BYTES (760 KiB) of file. Size is checked from the declared length before
// the body is read, and counted while it streams.
import { z } from "zod";
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

export type Named = { ok: true; savedName: string } | Upload;

/** A restore names a saved backup (`{ name }`) or uploads one (`{ fileName, data }`). */
export async function readUploadOrName(req: Request): Promise<Named> {
  return readUpload(req, MAX_UPLOAD_BYTES, true);
}

export async function readUpload(req: Request, limit?: number): Promise<Upload>;
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
  const r = uploadBody.safeParse(json);
  if (!r.success) return { ok: false, response: zodError(r.error) };
  const bytes = new Uint8Array(Buffer.from(r.data.data, "base64"));
  if (bytes.length > limit) return tooLarge(limit);
  if (bytes.length === 0) return { ok: false, response: jsonError(400, "the file is empty") };
  return { ok: true, name: r.data.fileName, bytes, body: r.data };
}
