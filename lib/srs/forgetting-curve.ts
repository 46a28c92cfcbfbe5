// The FSRS forgetting curve, for statistics and the card page: the constants
// SQL needs (decay, factor) and R(t) for a stability, both from ts-fsrs so
// they cannot drift from what the scheduler assumes.
import { computeDecayFactor, forgetting_curve, generatorParameters } from "ts-fsrs";
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
