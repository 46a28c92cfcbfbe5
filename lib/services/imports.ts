// Use cases: read an Anki file into a summary (nothing stored), and import it
// (stored once per file). Accepts a .colpkg / .apkg (zip) or a revlog CSV.
import { createHash } from "node:crypto";
import { ImportError, fromAnkiRevlog, parseRevlogCsv, summarize, type Converted, type ImportSummary } from "../import/revlog";
import { isZip, readAnkiPackage } from "../db/anki-collection";
import { findImportBySha, storeImport } from "../db/imports";
import { conflict, invalid, type Failure } from "./outcomes";
import { dropUpload, finishedUpload } from "./uploads";

export type ImportOutcome = { ok: true; summary: ImportSummary; importId: number | null } | Failure;

function read(fileName: string, bytes: Uint8Array): { summary: ImportSummary; converted: Converted } {
  const lower = fileName.toLowerCase();
  if (isZip(bytes)) {
    const converted = fromAnkiRevlog(readAnkiPackage(bytes));
    return { summary: summarize("anki-collection", converted), converted };
  }
  if (lower.endsWith(".colpkg") || lower.endsWith(".apkg")) throw new ImportError(`${fileName} is not a zip, so not an Anki package (damaged, or renamed?)`);
  // Text: a CSV must be UTF-8 without NUL bytes.
  if (bytes.includes(0)) throw new ImportError(`${fileName} is neither an Anki package (.colpkg, .apkg) nor a revlog CSV`);
  const { format, converted } = parseRevlogCsv(new TextDecoder("utf-8", { fatal: false }).decode(bytes));
  return { summary: summarize(format, converted), converted };
}

/** `confirm: false` only reads and summarises; `true` also stores. */
export function importHistory(fileName: string, bytes: Uint8Array, confirm: boolean, now: Date): ImportOutcome {
  let r: ReturnType<typeof read>;
  try {
    r = read(fileName, bytes);
  } catch (e) {
    if (e instanceof ImportError) return invalid(e.message);
    throw e;
  }
  if (r.summary.reviews === 0) return invalid(`${fileName} holds no reviews to import`);
  const sha = createHash("sha256").update(bytes).digest("hex");
  const earlier = findImportBySha(sha);
  if (earlier) return conflict(`this file was already imported on ${new Date(earlier.createdAt).toISOString().slice(0, 10)} (as ${earlier.fileName})`);
  if (!confirm) return { ok: true, summary: r.summary, importId: null };
  return { ok: true, summary: r.summary, importId: storeImport(fileName, sha, r.converted.rows, r.summary, now.getTime()) };
}
export { listImports } from "../db/imports";

/**
 * importHistory on a file sent in chunks (lib/services/uploads.ts). The file
 * stays between the summary and the confirm; it is removed once imported, or
 * as soon as it is refused (a bad file changes nothing and is not kept).
 */
export function importUpload(uploadId: string, confirm: boolean, now: Date): ImportOutcome {
  const up = finishedUpload(uploadId);
  if (!up.ok) return up;
  const r = importHistory(up.fileName, up.bytes, confirm, now);
  if (!r.ok || confirm) dropUpload(uploadId);
  return r;
}
