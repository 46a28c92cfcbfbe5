// Files larger than one request body (issue 14, items 1 and 6) are sent in
// chunks under the upload limit and assembled next to the database; the import
// reads the finished file, after the size cap, completeness and checksum are
// checked. Oversized, truncated, damaged and wrong-type files are refused with
// one message and change nothing.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as restorePost } from "@/app/api/v1/backups/restore/route";
import { POST as importPost } from "@/app/api/v1/imports/route";
import { createBackup } from "@/lib/db/backup";
import { DELETE as cancel, GET as status } from "@/app/api/v1/uploads/[id]/route";
import { POST as chunkPost } from "@/app/api/v1/uploads/chunks/route";
import { POST as startPost } from "@/app/api/v1/uploads/route";
import { MAX_UPLOAD_BODY_BYTES } from "@/lib/api/route";
import { MAX_UPLOAD_FILE_BYTES, UPLOAD_CHUNK_BYTES } from "@/lib/api/upload";
import { sqlite } from "@/lib/db/sqlite";
import { bigRevlogCsv } from "../helpers/reference-csv";

const dir = mkdtempSync(path.join(os.tmpdir(), "cardinal-uploads-"));
process.env.UPLOAD_DIR = dir;
process.env.BACKUP_DIR = mkdtempSync(path.join(os.tmpdir(), "cardinal-upload-backups-"));

const json = (url: string, body: unknown) =>
  new Request(`http://localhost${url}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
type Reply = { status: number; body: Record<string, unknown> & { error?: string } };
const call = async (p: Promise<Response>): Promise<Reply> => {
  const r = await p;
  return { status: r.status, body: (await r.json()) as Reply["body"] };
};

const start = (fileName: string, size: number, sha256: string) => call(startPost(json("/api/v1/uploads", { fileName, size, sha256 })));
const chunk = (uploadId: string, offset: number, bytes: Uint8Array) =>
  call(chunkPost(json("/api/v1/uploads/chunks", { uploadId, offset, data: Buffer.from(bytes).toString("base64") })));
const importIt = (uploadId: string, confirm = false) => call(importPost(json("/api/v1/imports", { uploadId, ...(confirm ? { confirm: true } : {}) })));

/** Starts a session and sends `bytes` (default: all of `file`) in chunks of UPLOAD_CHUNK_BYTES. */
async function send(name: string, file: Uint8Array, bytes = file, declaredSha = sha(file)): Promise<string> {
  const s = await start(name, file.length, declaredSha);
  expect(s.status).toBe(201);
  const id = String(s.body.id);
  for (let at = 0; at < bytes.length; at += UPLOAD_CHUNK_BYTES) {
    const r = await chunk(id, at, bytes.subarray(at, at + UPLOAD_CHUNK_BYTES));
    expect(r.status).toBe(200);
    expect(r.body.received).toBe(Math.min(bytes.length, at + UPLOAD_CHUNK_BYTES));
  }
  return id;
}

const importedReviews = () => sqlite().prepare(`SELECT count(*) FROM ImportedReview`).pluck().get() as number;
/** Upload sessions on disk (each is a .json and a .part). */
const sessions = () => readdirSync(dir).filter((f) => f.endsWith(".json")).length;

beforeEach(() => {
  sqlite().prepare(`DELETE FROM Import`).run();
});

describe("chunked upload and import", () => {
  const csv = bigRevlogCsv();

  it(`imports ${csv.real ? "the real 41k-review CSV" : "a generated CSV over 1 MiB"}, larger than one body, with its summary before the confirm`, async () => {
    expect(csv.bytes.length).toBeGreaterThan(MAX_UPLOAD_BODY_BYTES);
    const id = await send(csv.name, csv.bytes);
    const summary = await importIt(id);
    expect(summary.status).toBe(200);
    const s = summary.body.summary as { reviews: number; cards: number };
    if (csv.real) expect(s).toMatchObject({ reviews: 40_075, cards: 5_184 });
    else expect(s.reviews).toBeGreaterThan(30_000);
    expect(importedReviews()).toBe(0); // the summary stores nothing
    const done = await importIt(id, true);
    expect(done.status).toBe(201);
    expect(importedReviews()).toBe(s.reviews);
    expect(sessions()).toBe(0); // the assembled file is removed once imported
    expect((await importIt(id, true)).status).toBe(404);
  });

  it("refuses a file over the cap at the start, before any of it is sent, and keeps nothing", async () => {
    const before = sessions();
    const r = await start("huge.colpkg", MAX_UPLOAD_FILE_BYTES + 1, "a".repeat(64));
    expect(r.status).toBe(413);
    expect(r.body.error).toBe("huge.colpkg is too large: 200 MiB, and Cardinal takes files up to 200 MiB; nothing was changed");
    expect(sessions()).toBe(before);
  });

  it("refuses a truncated upload, and one whose checksum differs, storing nothing", async () => {
    const partial = await send(csv.name, csv.bytes, csv.bytes.subarray(0, UPLOAD_CHUNK_BYTES));
    const t = await importIt(partial, true);
    expect(t.status).toBe(400);
    expect(t.body.error).toBe(`${csv.name} did not arrive whole: ${UPLOAD_CHUNK_BYTES} of ${csv.bytes.length} bytes (interrupted?); nothing was changed`);
    const damaged = csv.bytes.slice();
    damaged[1000] = (damaged[1000] ?? 0) ^ 1;
    const d = await send(csv.name, csv.bytes, damaged);
    const r = await importIt(d, true);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/damaged on the way \(its checksum differs\)/);
    expect(importedReviews()).toBe(0);
  });

  it("refuses wrong-type and malformed files sent in chunks with the import's own message", async () => {
    const before = sessions();
    const png = new Uint8Array(900 * 1024);
    png.set([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]);
    const p = await importIt(await send("photo.png", png));
    expect(p.status).toBe(400);
    expect(p.body.error).toMatch(/neither an Anki package/);
    const fake = new TextEncoder().encode("PK but not really a zip ".repeat(40_000));
    fake.set([0x50, 0x4b, 3, 4]);
    const z = await importIt(await send("deck.colpkg", fake));
    expect(z.status).toBe(400);
    expect(z.body.error).toMatch(/damaged or truncated|not a zip|holds no Anki collection/);
    expect(importedReviews()).toBe(0);
    expect(sessions()).toBe(before); // refused files are not kept
  });

  it("takes a chunk sent twice once, says where to resume, and refuses chunks out of place", async () => {
    const before = sessions();
    const file = csv.bytes.subarray(0, 2 * UPLOAD_CHUNK_BYTES + 10);
    const s = await start("part.csv", file.length, sha(file));
    const id = String(s.body.id);
    const first = file.subarray(0, UPLOAD_CHUNK_BYTES);
    expect((await chunk(id, 0, first)).body.received).toBe(UPLOAD_CHUNK_BYTES);
    const again = await chunk(id, 0, first); // its reply was lost: sent again
    expect(again).toMatchObject({ status: 200, body: { received: UPLOAD_CHUNK_BYTES } });
    const gap = await chunk(id, 2 * UPLOAD_CHUNK_BYTES, file.subarray(2 * UPLOAD_CHUNK_BYTES));
    expect(gap.status).toBe(409);
    expect(gap.body.error).toBe(`the upload continues at byte ${UPLOAD_CHUNK_BYTES}, not ${2 * UPLOAD_CHUNK_BYTES}`);
    const st = await call(status(new Request(`http://localhost/api/v1/uploads/${id}`), ctx(id)));
    expect(st.body).toMatchObject({ size: file.length, received: UPLOAD_CHUNK_BYTES, fileName: "part.csv" });
    const past = await chunk(id, UPLOAD_CHUNK_BYTES, csv.bytes.subarray(UPLOAD_CHUNK_BYTES, 2 * UPLOAD_CHUNK_BYTES + 11));
    expect(past.status).toBe(400);
    expect(past.body.error).toMatch(/past the file's declared size/);
    expect(
      (await call(cancel(new Request(`http://localhost/api/v1/uploads/${id}`, { method: "DELETE", headers: { "Content-Type": "application/json" } }), ctx(id))))
        .status,
    ).toBe(200);
    expect(sessions()).toBe(before);
    expect((await chunk(id, UPLOAD_CHUNK_BYTES, first)).status).toBe(404);
  });

  it("keeps the body limit for chunks, and validates every body", async () => {
    const s = await start("x.csv", 10, sha(new Uint8Array(10)));
    const id = String(s.body.id);
    const big = await chunk(id, 0, new Uint8Array(MAX_UPLOAD_BODY_BYTES));
    expect(big.status).toBe(413);
    expect((await start("", 10, "a".repeat(64))).status).toBe(400);
    expect((await start("x.csv", 10, "not hex")).status).toBe(400);
    expect((await start("x.csv", 0, sha(new Uint8Array(0)))).body.error).toBe("x.csv is empty");
    expect((await call(chunkPost(json("/api/v1/uploads/chunks", { uploadId: "../../etc", offset: 0, data: "" })))).status).toBe(400);
    expect((await importIt("f".repeat(32))).status).toBe(404);
    expect((await call(importPost(json("/api/v1/imports", { uploadId: "nope" })))).status).toBe(400);
  });

  it("restores a backup sent through an upload session (as /data sends every file), and removes the upload", async () => {
    sqlite().prepare(`INSERT INTO Deck (key, title, sourceFile, createdAt, updatedAt) VALUES ('chunked', 'Chunked', 'x', 0, 0)`).run();
    const backup = readFileSync(createBackup(new Date()).file);
    sqlite().prepare(`DELETE FROM Deck WHERE key = 'chunked'`).run();
    const before = sessions();
    const id = await send("my-backup.zip", backup);
    const r = await call(restorePost(json("/api/v1/backups/restore", { uploadId: id })));
    expect(r.status, r.body.error).toBe(200);
    expect(sqlite().prepare(`SELECT key FROM Deck WHERE key = 'chunked'`).pluck().get()).toBe("chunked");
    expect(sessions()).toBe(before);
  });
});
