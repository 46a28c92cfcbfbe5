// The FSRS forgetting curve, for statistics and the card page: the constants
// SQL needs (decay, factor) and R(t) for a stability, both from ts-fsrs so
// they cannot drift from what the scheduler assumes.
import { computeDecayFactor, forgetting_curve, generatorParameters, roundTo } from "ts-fsrs";
import type { Settings } from "./types";

export type CurveConstants = { decay: number; factor: number };

function weightsOf(settings: Pick<Settings, "weights">): readonly number[] {
  // generatorParameters migrates 17/19-weight sets and fills the defaults.
  return generatorParameters(settings.weights ? { w: settings.weights } : {}).w;
}

/** R(t, S) = (1 + factor · t / S) ^ decay, as ts-fsrs computes it. */
export function forgettingCurve(settings: Pick<Settings, "weights">): CurveConstants {
  const { decay, factor } = computeDecayFactor(weightsOf(settings));
  return { decay, factor };
}

/** Probability of recall `elapsedDays` after a review that left stability `stability`. */
export function recallAfter(elapsedDays: number, stability: number, settings: Pick<Settings, "weights">): number {
  if (stability <= 0) return 0;
  return forgetting_curve(weightsOf(settings), Math.max(0, elapsedDays), stability);
}

/** R(t, S) for one set of weights, with the constants worked out once (statistics evaluate it per card). */
export type RecallCurve = CurveConstants & { recall: (elapsedDays: number, stability: number) => number };

/**
 * The same numbers as `recallAfter` (ts-fsrs's `forgetting_curve`: the same constants, the same expression,
 * the same rounding), without recomputing the constants per call. `elapsedDays` must be ≥ 0 and `stability` > 0.
 */
export function recallCurve(settings: Pick<Settings, "weights">): RecallCurve {
  const { decay, factor } = forgettingCurve(settings);
  return { decay, factor, recall: (t, s) => roundTo((1 + (factor * t) / s) ** decay, 8) };
}
