// ParameterSet rows: the history of FSRS parameters the learner applied.
import { stmt } from "./sqlite";

export interface ParameterSetRow {
  id: number;
  weights: number[] | null;
  source: "previous" | "optimised" | "restored";
  logLoss: number | null;
  rmseBins: number | null;
  items: number | null;
  appliedAt: Date;
  /** The deck whose preset it was applied to; null for the global parameters. */
  deckId: number | null;
}

type Raw = Omit<ParameterSetRow, "weights" | "appliedAt"> & { weights: string | null; appliedAt: number };

const toRow = (r: Raw): ParameterSetRow => ({
  ...r,
  weights: r.weights === null ? null : (JSON.parse(r.weights) as number[]),
  appliedAt: new Date(r.appliedAt),
});

/** Newest first: the global sets (deckId null) or one deck's. */
export function listParameterSets(deckId: number | null = null, limit = 50): ParameterSetRow[] {
  const rows =
    deckId === null
      ? stmt(`SELECT * FROM ParameterSet WHERE deckId IS NULL ORDER BY appliedAt DESC, id DESC LIMIT ?`).all(limit)
      : stmt(`SELECT * FROM ParameterSet WHERE deckId = ? ORDER BY appliedAt DESC, id DESC LIMIT ?`).all(deckId, limit);
  return (rows as Raw[]).map(toRow);
}

export function getParameterSet(id: number): ParameterSetRow | null {
  const r = stmt(`SELECT * FROM ParameterSet WHERE id = ?`).get(id) as Raw | undefined;
  return r ? toRow(r) : null;
}

export function countParameterSets(deckId: number | null = null): number {
  return (
    deckId === null
      ? stmt(`SELECT COUNT(*) FROM ParameterSet WHERE deckId IS NULL`).pluck().get()
      : stmt(`SELECT COUNT(*) FROM ParameterSet WHERE deckId = ?`).pluck().get(deckId)
  ) as number;
}

export function insertParameterSet(s: Omit<ParameterSetRow, "id">): number {
  return Number(
    stmt(`INSERT INTO ParameterSet (weights, source, logLoss, rmseBins, items, appliedAt, deckId) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      s.weights === null ? null : JSON.stringify(s.weights),
      s.source,
      s.logLoss,
      s.rmseBins,
      s.items,
      s.appliedAt.getTime(),
      s.deckId,
    ).lastInsertRowid,
  );
}
