// File uploads (backups to restore, Anki files to import) come as a
// multipart form from the same origin, field `file`. Size is checked from the
// declared length before the body is read, then again on the file itself.
import { jsonError } from "./route";

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export type Upload = { ok: true; name: string; bytes: Uint8Array; fields: FormData } | { ok: false; response: Response };

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

export async function readUpload(req: Request, limit = MAX_UPLOAD_BYTES): Promise<Upload> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit + 64 * 1024) return { ok: false, response: jsonError(413, `the file is too large (limit ${mib(limit)})`) };
  if (!(req.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    return { ok: false, response: jsonError(400, "send the file as a multipart form (field \"file\")") };
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return { ok: false, response: jsonError(400, "the upload could not be read (interrupted?)") };
  }
  const file = form.get("file");
  if (!(file instanceof File)) return { ok: false, response: jsonError(400, "no file in the upload (field \"file\")") };
  if (file.size > limit) return { ok: false, response: jsonError(413, `the file is too large (limit ${mib(limit)})`) };
  if (file.size === 0) return { ok: false, response: jsonError(400, "the file is empty") };
  return { ok: true, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), fields: form };
}
