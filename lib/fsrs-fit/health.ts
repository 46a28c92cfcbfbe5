/**
 * A health check of a training history, in the spirit of Anki's: warnings
 * that a fit on this data should not be trusted. Pure; numbers only (the
 * words are in words.ts).
 *
 * Only SELF-RATED answers (review screen, imported Anki reviews) say how the
 * learner uses the buttons; quiz answers get their rating from correctness
 * and time (lib/quiz/rating.ts), so they are left out of the button checks.
 * Both button checks look at answers to cards in the Review state, where
 * "forgot" should be Again:
 *  - "hard-as-fail": Hard is common while Again is rare (Hard ≥ 10% of
 *    answers, Again < 5% and under half as common as Hard) — the learner is
 *    probably pressing Hard when they forgot, which FSRS reads as a pass;
 *  - "no-again": at least MIN_BUTTON_ANSWERS answers and under 1% Again —
 *    FSRS cannot see what the learner forgets.
 */
export const MIN_ITEMS = 400;
const MIN_BUTTON_ANSWERS = 100;

export interface RatedAnswer {
  rating: number;
  /** State before the answer (2 = Review). */
  state: number;
  selfRated: boolean;
}

export type HealthIssue =
  | { code: "few-reviews"; items: number; minimum: number }
  | { code: "hard-as-fail"; answers: number; hardShare: number; againShare: number }
  | { code: "no-again"; answers: number; againShare: number };

export function healthCheck(answers: readonly RatedAnswer[], items: number): HealthIssue[] {
  const issues: HealthIssue[] = [];
  if (items < MIN_ITEMS) issues.push({ code: "few-reviews", items, minimum: MIN_ITEMS });
  let n = 0;
  let again = 0;
  let hard = 0;
  for (const a of answers) {
    if (!a.selfRated || a.state !== 2) continue;
    n++;
    if (a.rating === 1) again++;
    else if (a.rating === 2) hard++;
  }
  if (n >= MIN_BUTTON_ANSWERS) {
    const againShare = again / n;
    const hardShare = hard / n;
    if (againShare < 0.01) issues.push({ code: "no-again", answers: n, againShare });
    else if (hardShare >= 0.1 && againShare < 0.05 && againShare < hardShare / 2) {
      issues.push({ code: "hard-as-fail", answers: n, hardShare, againShare });
    }
  }
  return issues;
}
