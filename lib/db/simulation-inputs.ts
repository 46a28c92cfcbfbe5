// What the workload simulator needs from the database: the live cards' memory
// states, and the learner's own answer times and rating habits.
import { stmt } from "./sqlite";

export interface LiveCardRow {
  state: number;
  stability: number;
  difficulty: number;
  due: number;
  last_review: number | null;
}

/** Cards that can come up for review (not retired, suspended or leeches), of one deck or all. */
export function liveCards(deckId: number | null = null): LiveCardRow[] {
  return deckId === null
    ? (stmt(`SELECT state, stability, difficulty, due, last_review FROM Card WHERE retired = 0 AND suspended = 0 AND leech = 0`).all() as LiveCardRow[])
    : (stmt(`SELECT state, stability, difficulty, due, last_review FROM Card WHERE deckId = ? AND retired = 0 AND suspended = 0 AND leech = 0`).all(
        deckId,
      ) as LiveCardRow[]);
}

export interface AnswerHabitRow {
  /** State before the answer. */
  state: number;
  rating: number;
  n: number;
  /** Median-ish: the mean of answers capped at 60 s, as Anki caps them. */
  seconds: number;
}

/** Counts and typical seconds per (state, rating) of self-rated answers. */
export function answerHabits(): AnswerHabitRow[] {
  return stmt(
    `SELECT state, rating, COUNT(*) AS n, AVG(MIN(durationMs, 60000)) / 1000.0 AS seconds
       FROM ReviewLog WHERE source = 'review' AND durationMs > 0 GROUP BY state, rating`,
  ).all() as AnswerHabitRow[];
}
