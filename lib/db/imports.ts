// Stores an imported history: one Import row and its ImportedReview rows in
// one transaction (40,000 rows in well under a second: one prepared INSERT).
import { sqlite, stmt } from "./sqlite";
import type { ImportedRow, ImportSummary } from "../import/revlog";

export type ImportRecord = { id: number; fileName: string; createdAt: number; summary: ImportSummary };

export function findImportBySha(sha256: string): ImportRecord | null {
  const r = stmt(`SELECT id, fileName, createdAt, counts FROM Import WHERE sha256 = ?`).get(sha256) as
    | { id: number; fileName: string; createdAt: number; counts: string }
    | undefined;
  return r ? { id: r.id, fileName: r.fileName, createdAt: r.createdAt, summary: JSON.parse(r.counts) as ImportSummary } : null;
}

export function listImports(): ImportRecord[] {
  return (
    stmt(`SELECT id, fileName, createdAt, counts FROM Import ORDER BY id DESC`).all() as { id: number; fileName: string; createdAt: number; counts: string }[]
  ).map((r) => ({
    id: r.id,
    fileName: r.fileName,
    createdAt: r.createdAt,
    summary: JSON.parse(r.counts) as ImportSummary,
  }));
}

export function storeImport(fileName: string, sha256: string, rows: ImportedRow[], summary: ImportSummary, now: number): number {
  const db = sqlite();
  return db
    .transaction(() => {
      const id = Number(
        stmt(`INSERT INTO Import (fileName, sha256, createdAt, counts) VALUES (?, ?, ?, ?)`).run(fileName, sha256, now, JSON.stringify(summary))
          .lastInsertRowid,
      );
      const ins = stmt(`INSERT INTO ImportedReview (importId, sourceCardId, reviewTime, rating, state, durationMs) VALUES (?, ?, ?, ?, ?, ?)`);
      for (const r of rows) ins.run(id, r.sourceCardId, r.reviewTime, r.rating, r.state, r.durationMs);
      return id;
    })
    .immediate();
}
