/**
 * What a quiz answer does to a card's schedule. Quizzes are practice: they may
 * pull a card forward, never push it back, so quizzing cannot be used to game
 * the schedule (issue 12, item 6). Pure: every function takes `now`.
 *
 * | card before the answer                          | right answer                                  | wrong answer                        |
 * | ----------------------------------------------- | --------------------------------------------- | ----------------------------------- |
 * | new                                             | becomes a learning card, due now ("introduced")| becomes a learning card, due now    |
 * | due: learning due now, or review due today      | scheduled by FSRS with the quiz rating        | due now (left for the review page)  |
 * | not due (later step, later day, reviewed today) | unchanged ("unchanged")                       | due now ("due-now")                 |
 *
 * - "Due now" changes only `due` (to `now` if it was later): state,
 *   stability and last_review stay, so the review page's answer is the one
 *   FSRS learns from, and no sibling is buried.
 * - A new card gets FSRS's first-answer memory state (Again when wrong, at
 *   most Good when right) but stays a learning card due now, so it is
 *   confirmed on the review page; it is not counted against newPerDay there
 *   (the queue counts only review-screen introductions).
 * - Once a review card is scheduled by a quiz its last_review is today, so it
 *   is not due again today: repeated same-day quizzes cannot compound.
 * - `reps` counts every answer (quiz or review), so it always equals the
 *   card's number of review logs.
 */
import { applyRating } from "./scheduler";
import { queueWindow } from "./queue";
import type { CardState, FsrsFields, Rating, ReviewLogFields, SchedulableCard, Settings } from "./types";

export type QuizEffect = "introduced" | "scheduled" | "due-now" | "unchanged";

type PracticeSettings = Parameters<typeof applyRating>[2];

/** Due for review now, as the review page sees it: a learning card whose step is over, a review card due this study day not yet reviewed today. */
export function isDueForReview(card: SchedulableCard, now: Date, settings: Pick<Settings, "dayStartHour" | "timezone">): boolean {
  const nowMs = now.getTime();
  if (card.state === 1 || card.state === 3) return card.due.getTime() <= nowMs;
  if (card.state !== 2) return false;
  const win = queueWindow(now, settings);
  const reviewedToday = card.last_review !== null && card.last_review.getTime() >= win.todayStart.getTime();
  return card.due.getTime() < win.nextDayStart.getTime() && !reviewedToday;
}

function asFields(card: SchedulableCard): FsrsFields {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as CardState,
    last_review: card.last_review,
  };
}

/** The log of an answer that did not go through FSRS: the card's fields as they were. */
function plainLog(card: SchedulableCard, rating: Rating, now: Date): ReviewLogFields {
  return {
    rating,
    state: card.state as CardState,
    due: card.last_review ?? card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    last_elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    review: now,
  };
}

/** A quiz answer's effect on the card (see the table above); `rating` comes from lib/quiz (1 = wrong). */
export function applyQuizAnswer(
  card: SchedulableCard,
  rating: Rating,
  settings: PracticeSettings,
  now: Date,
): { card: FsrsFields; log: ReviewLogFields; effect: QuizEffect } {
  const right = rating > 1;
  const nowMs = now.getTime();
  if (card.state === 0) {
    const r = applyRating(card, right ? (Math.min(rating, 3) as Rating) : 1, settings, now);
    const learning: FsrsFields = { ...r.card, state: 1, due: now, scheduled_days: 0 };
    // The log keeps the quiz's own rating; only the memory state is capped at Good.
    return { card: learning, log: { ...r.log, rating }, effect: "introduced" };
  }
  if (right && isDueForReview(card, now, settings)) {
    const r = applyRating(card, rating, settings, now);
    return { ...r, effect: "scheduled" };
  }
  const before = asFields(card);
  const log = plainLog(card, rating, now);
  if (right) return { card: { ...before, reps: card.reps + 1 }, log, effect: "unchanged" };
  return { card: { ...before, reps: card.reps + 1, due: new Date(Math.min(card.due.getTime(), nowMs)) }, log, effect: "due-now" };
}
