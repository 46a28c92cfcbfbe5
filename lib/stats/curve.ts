/**
 * The FSRS forgetting curve, as constants SQL can use:
 *
 *     R(t, S) = round8((1 + factor · t / S) ^ decay)
 *
 * with t = whole study days since the last review — what lib/srs
 * `retrievability()` computes through ts-fsrs's `forgetting_curve`. The
 * constants come from lib/srs (`forgettingCurve`, the only importer of
 * ts-fsrs); tests/unit/stats/curve.test.ts checks that the SQL expression
 * built from them agrees with lib/srs for default and custom weights.
 */
import { forgettingCurve as curveConstants, type CurveConstants, type Settings } from "../srs";

export type CurveParams = CurveConstants;

export function curveParams(settings: Pick<Settings, "weights">): CurveParams {
  return curveConstants(settings);
}

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** R after `elapsedDays` whole study days at stability `stability` (> 0), as the SQL computes it. */
export function forgettingCurve(p: CurveParams, elapsedDays: number, stability: number): number {
  return roundTo(Math.pow(1 + (p.factor * elapsedDays) / stability, p.decay), 8);
}
