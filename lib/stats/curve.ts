/**
 * The FSRS forgetting curve, as constants SQL can use:
 *
 *     R(t, S) = round8((1 + factor · t / S) ^ decay)
 *
 * with t = whole study days since the last review — what lib/srs
 * `retrievability()` computes through ts-fsrs's `forgetting_curve`. The
 * constants come from lib/srs (`forgettingCurve`; lib/srs is the only module
 * that imports ts-fsrs); tests/unit/stats/curve.test.ts runs the SQL the
 * statistics run (lib/db/stats-queries.ts `retrievabilitySql`) and checks it
 * against lib/srs for default and custom weights.
 */
import { forgettingCurve as curveConstants, type CurveConstants, type Settings } from "../srs";

export type CurveParams = CurveConstants;

export function curveParams(settings: Pick<Settings, "weights">): CurveParams {
  return curveConstants(settings);
}
