// Use cases of a chunked upload (docs/decisions/0070): start a session for a
// file of a declared size and sha256, add its chunks in order (a chunk sent
// twice is taken once, so a retry after a lost reply is safe; the status says
// where to resume), and hand the finished file to the use case it was for —
// only when every byte arrived and the checksum matches.
import {
  appendUploadChunk,
  createUploadSession,
  deleteUploadSession,
  findUploadSession,
  pruneUploadSessions,
  readUploadBytes,
  sha256Hex,
} from "../db/upload-store";
import { conflict, invalid, notFound, tooLarge, type Failure } from "./outcomes";

/** Sessions not finished within a day are abandoned and removed. */
const SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type UploadStatus = { ok: true; id: string; fileName: string; size: number; received: number };

const gone = (id: string) => notFound(`upload ${id} not found (finished, cancelled or expired): choose the file again`);

/** `maxBytes`: the size cap the boundary states (lib/api/upload.ts MAX_UPLOAD_FILE_BYTES). */
export function startUpload(input: { fileName: string; size: number; sha256: string }, maxBytes: number, now: Date): UploadStatus | Failure {
  pruneUploadSessions(now.getTime() - SESSION_LIFETIME_MS);
  if (input.size > maxBytes) return tooLarge(tooLargeSentence(input.fileName, input.size, maxBytes));
  if (input.size === 0) return invalid(`${input.fileName} is empty`);
  const m = createUploadSession(input.fileName, input.size, input.sha256.toLowerCase(), now.getTime());
  return { ok: true, id: m.id, fileName: m.fileName, size: m.size, received: 0 };
}

export function uploadStatus(id: string): UploadStatus | Failure {
  const s = findUploadSession(id);
  return s ? { ok: true, id, fileName: s.meta.fileName, size: s.meta.size, received: s.received } : gone(id);
}

/** Adds the chunk that starts at `offset`, which must be where the received bytes end. */
export function addChunk(id: string, offset: number, bytes: Uint8Array): UploadStatus | Failure {
  const s = findUploadSession(id);
  if (!s) return gone(id);
  const status = (received: number): UploadStatus => ({ ok: true, id, fileName: s.meta.fileName, size: s.meta.size, received });
  // A chunk already taken (its reply was lost and it was sent again): nothing to do.
  if (offset + bytes.length <= s.received && offset < s.received) return status(s.received);
  if (offset !== s.received) return { ...conflict(`the upload continues at byte ${s.received}, not ${offset}`), details: { received: s.received } };
  if (s.received + bytes.length > s.meta.size)
    return invalid(`the chunk goes past the file's declared size (${s.meta.size} bytes); nothing was added`, { received: s.received });
  if (bytes.length === 0) return invalid("the chunk is empty");
  return status(appendUploadChunk(id, bytes));
}

export function cancelUpload(id: string): { ok: true } | Failure {
  if (!findUploadSession(id)) return gone(id);
  deleteUploadSession(id);
  return { ok: true };
}

/** The finished file: every declared byte arrived and its sha256 is the one declared (else the session is dropped). */
export function finishedUpload(id: string): { ok: true; fileName: string; bytes: Uint8Array } | Failure {
  const s = findUploadSession(id);
  if (!s) return gone(id);
  if (s.received < s.meta.size)
    return invalid(`${s.meta.fileName} did not arrive whole: ${s.received} of ${s.meta.size} bytes (interrupted?); nothing was changed`);
  const bytes = readUploadBytes(id);
  if (sha256Hex(bytes) !== s.meta.sha256) {
    deleteUploadSession(id);
    return invalid(`${s.meta.fileName} was damaged on the way (its checksum differs); choose it again — nothing was changed`);
  }
  return { ok: true, fileName: s.meta.fileName, bytes };
}

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

/** The one sentence for a file over the cap (the browser and the CLI say the same). */
export function tooLargeSentence(name: string, size: number, maxBytes: number): string {
  return `${name} is too large: ${mib(size)}, and Cardinal takes files up to ${mib(maxBytes)}; nothing was changed`;
}

export { deleteUploadSession as dropUpload };
