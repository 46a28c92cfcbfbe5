// Card rows and their review logs: the SQL of answering, suspending and
// burying (lib/services/review.ts and study-actions.ts run them inside their
// transactions; undo itself is generic, lib/db/actions.ts).
import type { FsrsFields, ReviewLogFields } from "../srs";
import { CARD_COLUMNS, type RawCard } from "./card-rows";
import { stmt } from "./sqlite";

export function findRawCard(id: number): RawCard | undefined {
  return stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE id = ?`).get(id) as RawCard | undefined;
}

/** The card and the other cards of its note, in one statement (empty when the card does not exist). */
export function noteCardsOf(cardId: number): RawCard[] {
  return stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE noteId = (SELECT noteId FROM Card WHERE id = ?) ORDER BY id`).all(cardId) as RawCard[];
}

/** Writes a scheduled card; `leech` also suspends it. */
export function writeScheduledCard(id: number, next: FsrsFields, leech: boolean, now: Date): void {
  stmt(
    `UPDATE Card SET due = ?, stability = ?, difficulty = ?, elapsed_days = ?, scheduled_days = ?, learning_steps = ?,
       reps = ?, lapses = ?, state = ?, last_review = ?, leech = leech OR ?, suspended = suspended OR ?, updatedAt = ? WHERE id = ?`,
  ).run(
    next.due.getTime(),
    next.stability,
    next.difficulty,
    next.elapsed_days,
    next.scheduled_days,
    next.learning_steps,
    next.reps,
    next.lapses,
    next.state,
    next.last_review?.getTime() ?? null,
    leech ? 1 : 0,
    leech ? 1 : 0,
    now.getTime(),
    id,
  );
}

/** Sets buriedUntil (epoch ms, or null to unbury) on each card. */
export function setBuriedUntil(ids: readonly number[], until: number | null, now: Date): void {
  const s = stmt(`UPDATE Card SET buriedUntil = ?, updatedAt = ? WHERE id = ?`);
  for (const id of ids) s.run(until, now.getTime(), id);
}

/** Buries a live card until `until`; false when there is no such live card. */
export function buryLiveCard(id: number, until: number, now: Date): boolean {
  return stmt(`UPDATE Card SET buriedUntil = ?, updatedAt = ? WHERE id = ? AND retired = 0`).run(until, now.getTime(), id).changes > 0;
}

/** Suspends (or unsuspends, which also clears the leech mark) a live card; false when there is no such live card. */
export function setLiveCardSuspended(id: number, suspended: boolean, now: Date): boolean {
  const flag = suspended ? 1 : 0;
  return (
    stmt(`UPDATE Card SET suspended = ?, leech = CASE WHEN ? = 0 THEN 0 ELSE leech END, updatedAt = ? WHERE id = ? AND retired = 0`).run(
      flag,
      flag,
      now.getTime(),
      id,
    ).changes > 0
  );
}

export function findLogByReviewId(reviewId: string): { cardId: number; snapshot: string } | undefined {
  return stmt(`SELECT cardId, snapshot FROM ReviewLog WHERE reviewId = ?`).get(reviewId) as { cardId: number; snapshot: string } | undefined;
}

/** Puts back a card exactly as a snapshot holds it (an "I was right" override re-rates from here). */
export function restoreCard(c: RawCard, now: Date): void {
  stmt(
    `UPDATE Card SET due = ?, stability = ?, difficulty = ?, elapsed_days = ?, scheduled_days = ?, learning_steps = ?, reps = ?,
       lapses = ?, state = ?, last_review = ?, suspended = ?, buriedUntil = ?, leech = ?, updatedAt = ? WHERE id = ?`,
  ).run(
    c.due,
    c.stability,
    c.difficulty,
    c.elapsed_days,
    c.scheduled_days,
    c.learning_steps,
    c.reps,
    c.lapses,
    c.state,
    c.last_review,
    c.suspended,
    c.buriedUntil,
    c.leech,
    c.updatedAt ?? now.getTime(),
    c.id,
  );
}

export function hasLaterAnswer(cardId: number, logId: number): boolean {
  return stmt(`SELECT 1 FROM ReviewLog WHERE cardId = ? AND id > ?`).get(cardId, logId) !== undefined;
}

/** The log of one answer by its client id, with what re-rating it needs. */
export function findAnswerLog(
  reviewId: string,
): { id: number; cardId: number; durationMs: number; source: string; reviewedAt: number; snapshot: string } | undefined {
  return stmt(`SELECT id, cardId, durationMs, source, reviewedAt, snapshot FROM ReviewLog WHERE reviewId = ?`).get(reviewId) as
    | { id: number; cardId: number; durationMs: number; source: string; reviewedAt: number; snapshot: string }
    | undefined;
}

export function deleteLog(id: number): void {
  stmt(`DELETE FROM ReviewLog WHERE id = ?`).run(id);
}

export type NewLog = {
  cardId: number;
  log: ReviewLogFields;
  reviewedAt: Date;
  durationMs: number;
  source: string;
  reviewId: string;
  snapshot: string;
  /** The learner counted a Close typed answer right ("I was right"). */
  override?: boolean;
};

export function insertLog(l: NewLog): void {
  const { log } = l;
  stmt(
    `INSERT INTO ReviewLog (cardId, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days,
       learning_steps, reviewedAt, durationMs, source, reviewId, snapshot, override) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    l.cardId,
    log.rating,
    log.state,
    log.due.getTime(),
    log.stability,
    log.difficulty,
    log.elapsed_days,
    log.last_elapsed_days,
    log.scheduled_days,
    log.learning_steps,
    l.reviewedAt.getTime(),
    Math.round(l.durationMs),
    l.source,
    l.reviewId,
    l.snapshot,
    l.override ? 1 : 0,
  );
}

export function reviewLogIdOf(reviewId: string): number | null {
  return (stmt(`SELECT id FROM ReviewLog WHERE reviewId = ?`).get(reviewId) as { id: number } | undefined)?.id ?? null;
}

/** Rating, duration and card of these review logs, with the card's leech flag and payload now. */
export function logsWithCards(ids: readonly number[]): { id: number; cardId: number; rating: number; durationMs: number; leech: boolean; payload: string }[] {
  if (ids.length === 0) return [];
  return (
    stmt(
      `SELECT l.id AS id, l.cardId AS cardId, l.rating AS rating, l.durationMs AS durationMs, c.leech AS leech, c.payload AS payload
         FROM ReviewLog l JOIN Card c ON c.id = l.cardId WHERE l.id IN (SELECT value FROM json_each(?)) ORDER BY l.id`,
    ).all(JSON.stringify(ids)) as { id: number; cardId: number; rating: number; durationMs: number; leech: number; payload: string }[]
  ).map((r) => ({ ...r, leech: r.leech === 1 }));
}
