import type { QuestionType } from "./types";

/** Scheduler rating on the FSRS/Anki scale: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type QuizRating = 1 | 2 | 3 | 4;

/**
 * Response-time thresholds per question type (milliseconds, time from the
 * question being shown to the answer being submitted):
 *
 * | type            | Easy if ≤ fastMs | Hard if ≥ slowMs | rationale                                      |
 * |-----------------|------------------|------------------|------------------------------------------------|
 * | true-false      |    3 000         |   12 000         | one statement to read, one click               |
 * | multiple-choice |    5 000         |   20 000         | read prompt + ~4 options, one click            |
 * | cloze (typed)   |    8 000         |   30 000         | recall with no cue, then type the term         |
 * | order           |   15 000         |   60 000         | read and rearrange several items               |
 * | match           |   15 000         |   60 000         | read and connect several pairs                 |
 *
 * In between → 3 (Good). A wrong answer is always 1 (Again), whatever the time.
 * A missing/invalid duration (negative, NaN, ∞) says nothing about effort → Good.
 */
export const RATING_THRESHOLDS: Readonly<Record<QuestionType, { fastMs: number; slowMs: number }>> = {
  "true-false": { fastMs: 3_000, slowMs: 12_000 },
  "multiple-choice": { fastMs: 5_000, slowMs: 20_000 },
  cloze: { fastMs: 8_000, slowMs: 30_000 },
  order: { fastMs: 15_000, slowMs: 60_000 },
  match: { fastMs: 15_000, slowMs: 60_000 },
};

export function quizRating({ correct, durationMs, type }: { correct: boolean; durationMs: number; type: QuestionType }): QuizRating {
  if (!correct) return 1;
  if (!Number.isFinite(durationMs) || durationMs < 0) return 3;
  const { fastMs, slowMs } = RATING_THRESHOLDS[type];
  if (durationMs <= fastMs) return 4;
  if (durationMs >= slowMs) return 2;
  return 3;
}
