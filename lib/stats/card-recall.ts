/**
 * One card's figures for its page, with the same definitions as the Progress
 * page (./get-stats.ts): predicted recall as of tomorrow at the earliest,
 * mastered = recall MASTERY_HORIZON_DAYS ahead ≥ MASTERY_THRESHOLD and last
 * answer not Again, and the forgetting curve in whole study days since the
 * last review with today and the next due date on it. Pure: `now` is a
 * parameter.
 */
import { daysBetween, recallAfter, studyDayOf, type Settings } from "../srs";
import { MASTERY_HORIZON_DAYS, MASTERY_THRESHOLD } from "./constants";

export const MASTERY = { horizonDays: MASTERY_HORIZON_DAYS, threshold: MASTERY_THRESHOLD } as const;

export interface CardRecallInput {
  state: number;
  stability: number;
  last_review: Date | null;
  due: Date;
}

export interface CardRecall {
  /** Whole study days since the last review (null: never reviewed). */
  elapsedDays: number | null;
  /** Predicted recall after max(1, elapsed) days. */
  recall: number | null;
  /** Predicted recall MASTERY.horizonDays from today. */
  recallAtHorizon: number | null;
  mastered: boolean;
  /** Study days from the last review to the due date. */
  dueDay: number | null;
  curve: { day: number; recall: number }[];
}

export function cardRecall(
  card: CardRecallInput,
  lastRating: number | null,
  settings: Pick<Settings, "weights" | "timezone" | "dayStartHour">,
  now: Date,
): CardRecall {
  if (card.state === 0 || !card.last_review || card.stability <= 0) {
    return { elapsedDays: null, recall: null, recallAtHorizon: null, mastered: false, dueDay: null, curve: [] };
  }
  const day = (d: Date) => studyDayOf(d, settings.timezone, settings.dayStartHour);
  const lastDay = day(card.last_review);
  const elapsed = Math.max(0, daysBetween(lastDay, day(now)));
  const dueDay = Math.max(0, daysBetween(lastDay, day(card.due)));
  const r = (t: number) => recallAfter(t, card.stability, settings);
  const recallAtHorizon = r(elapsed + MASTERY.horizonDays);
  const span = Math.max(30, dueDay + 7, elapsed + 7, Math.min(365, Math.ceil(card.stability * 2)));
  const step = Math.max(1, Math.ceil(span / 80));
  const days = new Set<number>();
  for (let t = 0; t <= span; t += step) days.add(t);
  days.add(elapsed);
  days.add(dueDay);
  const curve = [...days].sort((a, b) => a - b).map((t) => ({ day: t, recall: r(t) }));
  return {
    elapsedDays: elapsed,
    recall: r(Math.max(1, elapsed)),
    recallAtHorizon,
    mastered: recallAtHorizon >= MASTERY.threshold && lastRating !== 1,
    dueDay,
    curve,
  };
}
