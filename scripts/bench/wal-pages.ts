// Pages a write path appends to the write-ahead log, per call: what an answer
// costs in writes, counted rather than timed, so it does not swing with the
// machine's load (timings on this VM vary by a third from run to run). Every
// index an answer has to update shows up here (decision 0076).
import { statSync } from "node:fs";
import type Database from "better-sqlite3";

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** Runs `fn(0 … n-1)` with automatic checkpoints off and returns the WAL frames written per call. */
export function walPagesPerCall(db: Database.Database, file: string, fn: (i: number) => void, n: number): number {
  const auto = db.pragma("wal_autocheckpoint", { simple: true }) as number;
  const pageSize = db.pragma("page_size", { simple: true }) as number;
  db.pragma("wal_autocheckpoint = 0");
  try {
    db.pragma("wal_checkpoint(TRUNCATE)");
    for (let i = 0; i < n; i++) fn(i);
    return (statSync(`${file}-wal`).size - WAL_HEADER) / (pageSize + FRAME_HEADER) / n;
  } finally {
    db.pragma(`wal_autocheckpoint = ${auto}`);
  }
}
