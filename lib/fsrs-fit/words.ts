/**
 * Plain words for fit results, shared by /settings and the CLI.
 *
 * "More accurately" compares RMSE(bins) — the typical gap between predicted
 * and observed recall — of the current and fitted parameters on the same
 * items: 0.087 → 0.055 is "37% more accurately".
 */
import type { Metrics } from "./binding";
import type { HealthIssue } from "./health";

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function improvementInWords(current: Metrics, fitted: Metrics): string {
  const gain = 1 - fitted.rmseBins / current.rmseBins;
  if (!Number.isFinite(gain)) return "The fitted parameters predict your recall as accurately as the current ones.";
  if (Math.abs(gain) < 0.02) return "The fitted parameters predict your recall about as accurately as the current ones.";
  return gain > 0
    ? `The fitted parameters predict your recall ${pct(gain)} more accurately than the current ones.`
    : `The fitted parameters predict your recall ${pct(-gain)} less accurately than the current ones: keep the current ones.`;
}

export function healthIssueInWords(issue: HealthIssue): string {
  switch (issue.code) {
    case "few-reviews":
      return `Only ${issue.items} reviews can be used for training (at least ${issue.minimum} are needed for a fit you can trust). Keep reviewing and optimise later.`;
    case "hard-as-fail":
      return `You pressed Hard on ${pct(issue.hardShare)} of reviews but Again on only ${pct(issue.againShare)}. Hard means “recalled, with effort”; if you forgot the card, press Again — otherwise FSRS thinks you remember more than you do.`;
    case "no-again":
      return `You rated ${issue.answers} reviews and almost never pressed Again (${pct(issue.againShare)}). Press Again whenever you forgot a card, or FSRS cannot learn what you forget.`;
  }
}
