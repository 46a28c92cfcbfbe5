// The three things timed on each collection: the app's answer path, the floor
// it is compared with, and the queue fetch. lib/db is imported dynamically by
// the caller (after DATABASE_URL points at the bench file) and passed in.
import type Database from "better-sqlite3";
import { fsrs, Rating, type Card as FsrsCard, type ReviewLog } from "ts-fsrs";
import type * as Review from "../../lib/services/review";
import type * as QueueMod from "../../lib/services/queue";

/** answerCard exactly as the API calls it: Good on a due review card, a fresh reviewId each time. */
export function answerPath(review: typeof Review, cardIds: readonly number[], now: Date, tag = "answer") {
  return (i: number) => {
    const r = review.answerCard({ cardId: cardIds[i]!, rating: 3, durationMs: 4000, reviewId: `bench-${tag}-${i}`, source: "review" }, now);
    if (!r.ok || r.duplicate) throw new Error(`answerCard failed on card ${cardIds[i]}: ${JSON.stringify(r)}`);
  };
}

/**
 * The floor: the least any answer path must do — ts-fsrs next() on a card
 * already in memory, then one UPDATE and one INSERT in a transaction, with
 * prepared statements on the same connection (same WAL / synchronous
 * pragmas) so only the app's own overhead separates the two.
 */
export function floorPath(db: Database.Database, cardIds: readonly number[], now: Date, tag = "floor") {
  const f = fsrs(); // built once: the floor schedules, it does not configure
  const get = db.prepare(
    `SELECT due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review FROM Card WHERE id = ?`,
  );
  // Loaded before timing: the floor has no fetch.
  const cards: FsrsCard[] = cardIds.map((id) => {
    const c = get.get(id) as Omit<FsrsCard, "due" | "last_review"> & { due: number; last_review: number | null };
    return { ...c, due: new Date(c.due), last_review: c.last_review === null ? undefined : new Date(c.last_review) };
  });
  const update = db.prepare(
    `UPDATE Card SET due = ?, stability = ?, difficulty = ?, elapsed_days = ?, scheduled_days = ?, learning_steps = ?, reps = ?,
       lapses = ?, state = ?, last_review = ?, updatedAt = ? WHERE id = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO ReviewLog (cardId, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days,
       learning_steps, reviewedAt, durationMs, source, reviewId, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'review', ?, ?)`,
  );
  const write = db.transaction((id: number, n: FsrsCard, l: ReviewLog, reviewId: string) => {
    update.run(
      n.due.getTime(),
      n.stability,
      n.difficulty,
      n.elapsed_days,
      n.scheduled_days,
      n.learning_steps,
      n.reps,
      n.lapses,
      n.state,
      now.getTime(),
      now.getTime(),
      id,
    );
    insert.run(
      id,
      l.rating,
      l.state,
      l.due.getTime(),
      l.stability,
      l.difficulty,
      l.elapsed_days,
      l.last_elapsed_days,
      l.scheduled_days,
      l.learning_steps,
      now.getTime(),
      4000,
      reviewId,
      `{"card":{"id":${id}}}`,
    );
  });
  return (i: number) => {
    const { card, log } = f.next(cards[i]!, now, Rating.Good);
    write(cardIds[i]!, card, log, `bench-${tag}-${i}`);
  };
}

export function queueFetch(queue: typeof QueueMod, deckId: number | null, now: Date) {
  return () => {
    const q = queue.getQueue({ deckId, limit: 20, now });
    if (q.cards.length === 0) throw new Error("getQueue returned no cards on a collection with due cards");
  };
}
