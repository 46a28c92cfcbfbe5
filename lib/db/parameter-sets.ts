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
}

type Raw = Omit<ParameterSetRow, "weights" | "appliedAt"> & { weights: string | null; appliedAt: number };

const toRow = (r: Raw): ParameterSetRow => ({
  ...r,
  weights: r.weights === null ? null : (JSON.parse(r.weights) as number[]),
  appliedAt: new Date(r.appliedAt),
});

/** Newest first. */
export function listParameterSets(limit = 50): ParameterSetRow[] {
  return (stmt(`SELECT * FROM ParameterSet ORDER BY appliedAt DESC, id DESC LIMIT ?`).all(limit) as Raw[]).map(toRow);
}

export function getParameterSet(id: number): ParameterSetRow | null {
  const r = stmt(`SELECT * FROM ParameterSet WHERE id = ?`).get(id) as Raw | undefined;
  return r ? toRow(r) : null;
}

export function countParameterSets(): number {
  return stmt(`SELECT COUNT(*) FROM ParameterSet`).pluck().get() as number;
}

export function insertParameterSet(s: Omit<ParameterSetRow, "id">): number {
  return Number(
    stmt(`INSERT INTO ParameterSet (weights, source, logLoss, rmseBins, items, appliedAt) VALUES (?, ?, ?, ?, ?, ?)`).run(
      s.weights === null ? null : JSON.stringify(s.weights),
      s.source,
      s.logLoss,
      s.rmseBins,
      s.items,
      s.appliedAt.getTime(),
    ).lastInsertRowid,
  );
}
