// Sends a file to the server in chunks (as base64 JSON, as every API write is
// JSON), with progress for the restore and import panels' bars; the panel then
// names the finished upload by its id.
import { callApi } from "@/app/api-client";
import limits from "@/lib/api/body-limits.json";

function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ""));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

type Session = { id: string; size: number; received: number; chunkBytes?: number };
export type Sent = { ok: true; uploadId: string } | { ok: false; error: string };

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;
const hex = (buf: ArrayBuffer) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * Sends `file` to an upload session in chunks under the body limit
 * (docs/decisions/0070), with its size and SHA-256 declared first so the server
 * refuses an oversized file before any of it is sent and a damaged one at the
 * end. A failed chunk is retried from where the server says the upload stands.
 */
export async function sendInChunks(file: File, onProgress: (fraction: number) => void): Promise<Sent> {
  if (!globalThis.crypto?.subtle) return { ok: false, error: "this page cannot compute checksums here: open Cardinal at http://localhost to upload files" };
  // The server refuses it at the start too (same words); checked here so a huge file is not read to hash it.
  if (file.size > limits.uploadFile)
    return { ok: false, error: `${file.name} is too large: ${mib(file.size)}, and Cardinal takes files up to ${mib(limits.uploadFile)}; nothing was changed` };
  let sha256: string;
  try {
    sha256 = hex(await crypto.subtle.digest("SHA-256", await file.arrayBuffer()));
  } catch {
    return { ok: false, error: `${file.name} could not be read` };
  }
  const start = await callApi<Session>("/api/v1/uploads", { fileName: file.name, size: file.size, sha256 });
  if (!start.ok) return { ok: false, error: start.error };
  const { id } = start.data;
  const step = start.data.chunkBytes ?? 512 * 1024;
  let received = 0;
  let failures = 0;
  onProgress(0);
  while (received < file.size) {
    let data: string;
    try {
      data = await base64Of(file.slice(received, received + step));
    } catch {
      return { ok: false, error: `${file.name} could not be read` };
    }
    const r = await callApi<Session>("/api/v1/uploads/chunks", { uploadId: id, offset: received, data });
    if (r.ok) {
      received = r.data.received;
      failures = 0;
      onProgress(received / file.size);
      continue;
    }
    // A lost connection or a chunk the server already had: ask where it stands and go on from there.
    if ((r.status !== 0 && r.status !== 409) || ++failures > 3) return { ok: false, error: r.error };
    await new Promise((done) => setTimeout(done, 300 * failures));
    const s = await callApi<Session>(`/api/v1/uploads/${id}`);
    if (s.ok) received = s.data.received;
  }
  return { ok: true, uploadId: id };
}

export function Progress({ label, value }: { label: string; value: number | null }) {
  return (
    <div className="space-y-1" data-testid="progress">
      <p className="text-sm">{label}</p>
      {/* A native bar: no inline style (the CSP allows none); without a value it shows "busy". */}
      <progress className="h-2 w-full accent-red-700" aria-label={label} max={100} {...(value === null ? {} : { value: Math.round(value * 100) })} />
    </div>
  );
}
