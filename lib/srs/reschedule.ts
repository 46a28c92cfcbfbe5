/**
 * Rescheduling a card from its history: replay every answer it ever got
 * through Cardinal's own scheduler (applyRating) with the CURRENT settings —
 * parameters, desired retention, steps, study day — and keep the result.
 * This is what ts-fsrs's `reschedule` does, but on Cardinal's study-day clock
 * and with its card-seeded fuzz, so a rescheduled card is exactly the card the
 * learner would have had with these settings all along (decision 0036).
 * Pure: the answers carry their own times.
 */
import { applyRating, newCardFields } from "./scheduler";
import { dayIndex, studyDayOf } from "./study-day";
import type { FsrsFields, Rating, Settings } from "./types";

export interface PastAnswer {
  rating: number;
  reviewedAt: Date;
}

type SchedulerSettings = Pick<
  Settings,
  "desiredRetention" | "learningSteps" | "relearningSteps" | "maximumInterval" | "enableFuzz" | "weights" | "dayStartHour" | "timezone"
>;

/** The card's FSRS fields after replaying `answers` (oldest first); null without answers. */
export function replayHistory(cardId: number, answers: readonly PastAnswer[], settings: SchedulerSettings): FsrsFields | null {
  if (answers.length === 0) return null;
  let card: FsrsFields = newCardFields(answers[0]!.reviewedAt);
  for (const a of answers) card = applyRating({ ...card, id: cardId }, a.rating as Rating, settings, a.reviewedAt).card;
  return card;
}

/**
 * Cards due on each of the next `days` study days (index 0 = today; overdue
 * cards count for today), as the review screen would meet them.
 */
export function dueForecast(dues: readonly Date[], now: Date, days: number, settings: Pick<Settings, "timezone" | "dayStartHour">): number[] {
  const counts = new Array<number>(days).fill(0);
  const today = dayIndex(studyDayOf(now, settings.timezone, settings.dayStartHour));
  for (const due of dues) {
    const d = Math.max(0, dayIndex(studyDayOf(due, settings.timezone, settings.dayStartHour)) - today);
    if (d < days) counts[d]!++;
  }
  return counts;
}
