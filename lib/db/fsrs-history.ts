// The learner's review history as FSRS training input: Cardinal's own
// ReviewLog and, when the Anki import (issue 14) has created it, the
// ImportedReview table. Raw SQL on the direct connection: a fit reads every
// review, and Prisma would add ~10× the time for 40k rows.
//
// Card keys keep the two sources apart: "c:<Card.id>", "i:<importId>:<sourceCardId>".
// Quiz answers are included (docs/decisions/0035-quiz-answers-train-fsrs.md).
import { stmt } from "./sqlite";

export type HistorySource = "review" | "quiz" | "imported";

export interface HistoryRow {
  cardId: string;
  reviewTime: number;
  rating: number;
  state: number;
  source: HistorySource;
}

export function hasImportedReviews(): boolean {
  return stmt(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ImportedReview'`).pluck().get() === 1;
}

/** A page of the history, by row id: ReviewLog rows first, then ImportedReview rows. */
export interface HistoryPage {
  rows: HistoryRow[];
  /** Where the next page starts, or null after the last page. */
  next: { table: "own" | "imported"; afterId: number } | null;
}

/** With `deckId`, only that deck's cards' reviews (imported Anki reviews belong to no deck). */
export function readTrainingHistoryPage(from: { table: "own" | "imported"; afterId: number }, limit: number, deckId: number | null = null): HistoryPage {
  const rows: HistoryRow[] = [];
  if (from.table === "own") {
    const own = (
      deckId === null
        ? stmt(`SELECT id, cardId, reviewedAt, rating, state, source FROM ReviewLog WHERE id > ? ORDER BY id LIMIT ?`).raw().all(from.afterId, limit)
        : stmt(
            `SELECT l.id, l.cardId, l.reviewedAt, l.rating, l.state, l.source FROM ReviewLog l JOIN Card c ON c.id = l.cardId
              WHERE c.deckId = ? AND l.id > ? ORDER BY l.id LIMIT ?`,
          )
            .raw()
            .all(deckId, from.afterId, limit)
    ) as [number, number, number, number, number, string][];
    for (const [, cardId, reviewTime, rating, state, source] of own) {
      rows.push({ cardId: `c:${cardId}`, reviewTime, rating, state, source: source === "quiz" ? "quiz" : "review" });
    }
    if (own.length === limit) return { rows, next: { table: "own", afterId: own[own.length - 1]![0] } };
    return { rows, next: deckId === null && hasImportedReviews() ? { table: "imported", afterId: -Infinity } : null };
  }
  const imported = stmt(
    `SELECT id, importId, sourceCardId, reviewTime, rating, state FROM ImportedReview WHERE id > ? AND rating BETWEEN 1 AND 4 ORDER BY id LIMIT ?`,
  )
    .raw()
    .all(from.afterId, limit) as [number, number | string, number | string, number, number, number][];
  for (const [, importId, sourceCardId, reviewTime, rating, state] of imported) {
    rows.push({ cardId: `i:${importId}:${sourceCardId}`, reviewTime, rating, state, source: "imported" });
  }
  return { rows, next: imported.length === limit ? { table: "imported", afterId: imported[imported.length - 1]![0] } : null };
}

export function readTrainingHistory(): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const own = stmt(`SELECT cardId, reviewedAt, rating, state, source FROM ReviewLog`).raw().all() as [number, number, number, number, string][];
  for (const [cardId, reviewTime, rating, state, source] of own) {
    rows.push({ cardId: `c:${cardId}`, reviewTime, rating, state, source: source === "quiz" ? "quiz" : "review" });
  }
  if (hasImportedReviews()) {
    const imported = stmt(`SELECT importId, sourceCardId, reviewTime, rating, state FROM ImportedReview WHERE rating BETWEEN 1 AND 4`).raw().all() as [
      number | string,
      number | string,
      number,
      number,
      number,
    ][];
    for (const [importId, sourceCardId, reviewTime, rating, state] of imported) {
      rows.push({ cardId: `i:${importId}:${sourceCardId}`, reviewTime, rating, state, source: "imported" });
    }
  }
  return rows;
}
