// Answering, undoing, suspending and burying cards. Each write is one
// better-sqlite3 transaction (synchronous, so nothing interleaves): the card
// and its review log change together or not at all.
import { applyRating, becameLeech, siblingsToBury, nextDayStart, previewIntervals, type CardRow, type IntervalPreview, type Rating } from "../srs";
import { getSettings } from "./settings";
import { sqlite, stmt } from "../db/sqlite";
import { deckNotFound, type Failure } from "./outcomes";
import { findDeckByKey } from "../db/decks";
import { CARD_COLUMNS, toCardRow, type RawCard } from "../db/card-rows";

export type ReviewSource = "review" | "quiz";

export type AnswerInput = {
  cardId: number;
  rating: Rating;
  durationMs: number;
  reviewId: string;
  source: ReviewSource;
  /** The card's `reps` when the client fetched it: a mismatch means it was answered since. */
  expectedReps?: number;
};

export type AnswerResult =
  | { ok: true; card: CardRow; duplicate: boolean; leech: boolean; buried: number[] }
  | Failure;

/** What undo restores: the card as it was, and the siblings this answer buried. */
type Snapshot = { card: RawCard; siblings: { id: number; buriedUntil: number | null }[] };

const getCard = (id: number) => stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE id = ?`).get(id) as RawCard | undefined;

export function findCard(id: number): CardRow | null {
  const r = getCard(id);
  return r ? toCardRow(r) : null;
}

/** Applies one answer: the card and its review log change together, in one transaction. */
export function answerCard(input: AnswerInput, now: Date): AnswerResult {
  const db = sqlite();
  const run = db.transaction((): AnswerResult => {
    const prior = stmt(`SELECT cardId, snapshot FROM ReviewLog WHERE reviewId = ?`).get(input.reviewId) as { cardId: number; snapshot: string } | undefined;
    if (prior) {
      if (prior.cardId !== input.cardId) return { ok: false, kind: "conflict", error: `reviewId ${input.reviewId} was already used for another card` };
      // The same answer sent twice: applied once, the first result returned
      // (its leech flag and buried siblings come from the stored snapshot).
      const snap = JSON.parse(prior.snapshot) as Snapshot;
      const card = toCardRow(getCard(prior.cardId)!);
      return { ok: true, card, duplicate: true, leech: snap.card.leech === 0 && card.leech, buried: snap.siblings.map((s) => s.id) };
    }
    // The card and the other cards of its note, in one statement.
    const noteCards = stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE noteId = (SELECT noteId FROM Card WHERE id = ?)`).all(input.cardId) as RawCard[];
    const raw = noteCards.find((c) => c.id === input.cardId);
    if (!raw || raw.retired) return { ok: false, kind: "not-found", error: `card ${input.cardId} not found` };
    if (input.expectedReps !== undefined && raw.reps !== input.expectedReps) {
      return { ok: false, kind: "conflict", error: `card ${input.cardId} was answered since you loaded it (reps ${raw.reps}, you saw ${input.expectedReps}); reload` };
    }
    if (raw.suspended && input.source === "review") return { ok: false, kind: "conflict", error: `card ${input.cardId} is suspended` };

    const settings = getSettings();
    const before = toCardRow(raw);
    const { card: next, log } = applyRating(before, input.rating, settings, now);
    const leech = becameLeech(before, next);

    const siblingRows = noteCards.filter((c) => c !== raw).map(toCardRow);
    const bury = input.source === "review" ? siblingsToBury(before, siblingRows, now, settings) : { ids: [], buriedUntil: now };
    const snapshot: Snapshot = {
      card: raw,
      siblings: siblingRows.filter((s) => bury.ids.includes(s.id)).map((s) => ({ id: s.id, buriedUntil: s.buriedUntil?.getTime() ?? null })),
    };
    const snapshotJson = JSON.stringify(snapshot);

    stmt(
      `UPDATE Card SET due = ?, stability = ?, difficulty = ?, elapsed_days = ?, scheduled_days = ?, learning_steps = ?,
         reps = ?, lapses = ?, state = ?, last_review = ?, leech = leech OR ?, suspended = suspended OR ?, updatedAt = ? WHERE id = ?`,
    ).run(next.due.getTime(), next.stability, next.difficulty, next.elapsed_days, next.scheduled_days, next.learning_steps, next.reps, next.lapses, next.state, next.last_review?.getTime() ?? null, leech ? 1 : 0, leech ? 1 : 0, now.getTime(), raw.id);
    stmt(
      `INSERT INTO ReviewLog (cardId, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days,
         learning_steps, reviewedAt, durationMs, source, reviewId, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(raw.id, log.rating, log.state, log.due.getTime(), log.stability, log.difficulty, log.elapsed_days, log.last_elapsed_days, log.scheduled_days, log.learning_steps, now.getTime(), Math.round(input.durationMs), input.source, input.reviewId, snapshotJson);
    const buryStmt = stmt(`UPDATE Card SET buriedUntil = ?, updatedAt = ? WHERE id = ?`);
    for (const id of bury.ids) buryStmt.run(bury.buriedUntil.getTime(), now.getTime(), id);
    // The row as just written (the UPDATE above sets exactly these fields), without reading it back.
    const card: CardRow = { ...before, ...next, leech: before.leech || leech, suspended: before.suspended || leech };
    return { ok: true, card, duplicate: false, leech, buried: bury.ids };
  });
  return run.immediate();
}

export type UndoResult =
  | { ok: true; card: CardRow; undone: { reviewId: string; rating: number } }
  | Failure;

/**
 * Undoes the newest review-screen answer (in one deck, or in all) exactly: the
 * stored snapshot comes back and the log goes. Refused when the card changed
 * after that answer (a quiz answer, a suspend, a burial): restoring the
 * snapshot would silently erase that later change.
 */
export function undoLastReview(now: Date, deckId: number | null = null): UndoResult {
  const run = sqlite().transaction((): UndoResult => {
    const log = (
      deckId === null
        ? stmt(`SELECT id, cardId, reviewId, rating, reviewedAt, snapshot FROM ReviewLog WHERE source = 'review' ORDER BY id DESC LIMIT 1`).get()
        : stmt(
            `SELECT l.id, l.cardId, l.reviewId, l.rating, l.reviewedAt, l.snapshot FROM ReviewLog l JOIN Card c ON c.id = l.cardId
             WHERE l.source = 'review' AND c.deckId = ? ORDER BY l.id DESC LIMIT 1`,
          ).get(deckId)
    ) as { id: number; cardId: number; reviewId: string; rating: number; reviewedAt: number; snapshot: string } | undefined;
    if (!log) return { ok: false, kind: "not-found", error: "nothing to undo" };
    const newer = stmt(`SELECT 1 FROM ReviewLog WHERE cardId = ? AND id > ?`).get(log.cardId, log.id);
    const current = getCard(log.cardId)!;
    if (newer || current.updatedAt > log.reviewedAt) {
      return { ok: false, kind: "conflict", error: `card ${log.cardId} changed after that answer (a quiz answer, suspend or burial); it can no longer be undone` };
    }
    const { card: c, siblings } = JSON.parse(log.snapshot) as Snapshot;
    stmt(
      `UPDATE Card SET due = ?, stability = ?, difficulty = ?, elapsed_days = ?, scheduled_days = ?, learning_steps = ?, reps = ?,
         lapses = ?, state = ?, last_review = ?, suspended = ?, buriedUntil = ?, leech = ?, updatedAt = ? WHERE id = ?`,
    ).run(c.due, c.stability, c.difficulty, c.elapsed_days, c.scheduled_days, c.learning_steps, c.reps, c.lapses, c.state, c.last_review, c.suspended, c.buriedUntil, c.leech, c.updatedAt ?? now.getTime(), c.id);
    const restore = stmt(`UPDATE Card SET buriedUntil = ?, updatedAt = ? WHERE id = ?`);
    for (const s of siblings) restore.run(s.buriedUntil, now.getTime(), s.id);
    stmt(`DELETE FROM ReviewLog WHERE id = ?`).run(log.id);
    return { ok: true, card: toCardRow(getCard(log.cardId)!), undone: { reviewId: log.reviewId, rating: log.rating } };
  });
  return run.immediate();
}

export type CardActionResult = { ok: true; card: CardRow } | Failure;

export function setSuspended(cardId: number, suspended: boolean, now: Date): CardActionResult {
  const r = stmt(`UPDATE Card SET suspended = ?, leech = CASE WHEN ? = 0 THEN 0 ELSE leech END, updatedAt = ? WHERE id = ? AND retired = 0`).run(suspended ? 1 : 0, suspended ? 1 : 0, now.getTime(), cardId);
  if (r.changes === 0) return { ok: false, kind: "not-found", error: `card ${cardId} not found` };
  return { ok: true, card: findCard(cardId)! };
}

/** Hides the card until the next study day starts. */
export function buryCard(cardId: number, now: Date): CardActionResult {
  const s = getSettings();
  const until = nextDayStart(now, s.timezone, s.dayStartHour).getTime();
  const r = stmt(`UPDATE Card SET buriedUntil = ?, updatedAt = ? WHERE id = ? AND retired = 0`).run(until, now.getTime(), cardId);
  if (r.changes === 0) return { ok: false, kind: "not-found", error: `card ${cardId} not found` };
  return { ok: true, card: findCard(cardId)! };
}

export type UndoWithPreviews = { ok: true; card: CardRow; previews: IntervalPreview[]; undone: { reviewId: string; rating: number } } | Failure;

/** Undo in a deck given by key (or in all decks); the restored card comes with its answer previews, as it is shown again at once. */
export function undoInDeck(deckKey: string | null, now: Date): UndoWithPreviews {
  const deck = deckKey === null ? null : findDeckByKey(deckKey);
  if (deckKey !== null && deck === null) return deckNotFound(deckKey);
  const r = undoLastReview(now, deck?.id ?? null);
  if (!r.ok) return r;
  return { ...r, previews: previewIntervals(r.card, getSettings(), now) };
}
