/**
 * The edge to @open-spaced-repetition/binding (fsrs-rs): turns our plain
 * training items into the binding's objects and calls its fitter and metrics.
 * Kept apart from items.ts so pure code never loads the native module.
 *
 * `timeout` is the binding's progress-polling interval in ms; its default
 * makes every call wait ~500 ms after the work is done.
 */
import { FSRSBinding, FSRSBindingItem, FSRSBindingReview, computeParameters, evaluateWithTimeSeriesSplits } from "@open-spaced-repetition/binding";
import type { TrainingItem } from "./items";

export interface Metrics {
  logLoss: number;
  rmseBins: number;
}

export interface FitOptions {
  /** Relearning steps in use (fsrs-rs fits short-term memory with it). */
  numRelearningSteps?: number;
  /** Called as the fit advances; return true to stop it (the fit then rejects). */
  progress?: (current: number, total: number) => boolean | undefined;
}

const POLL_MS = 10;

export function toBindingItems(items: readonly TrainingItem[]): FSRSBindingItem[] {
  return items.map((it) => new FSRSBindingItem(it.reviews.map((r) => new FSRSBindingReview(r.rating, r.deltaT))));
}

/** Log loss and RMSE(bins) of `parameters` (null: FSRS-6 defaults) on the items. */
export function evaluate(items: FSRSBindingItem[], parameters: readonly number[] | null): Metrics {
  const m = new FSRSBinding(parameters ? [...parameters] : undefined).evaluate(items);
  return { logLoss: m.logLoss, rmseBins: m.rmseBins };
}

function options(o: FitOptions) {
  return {
    enableShortTerm: true,
    ...(o.numRelearningSteps !== undefined ? { numRelearningSteps: o.numRelearningSteps } : {}),
    timeout: POLL_MS,
    // The binding stops when the callback returns false.
    progress: (current: number, total: number) => o.progress?.(current, total) !== true,
  };
}

export async function fit(items: FSRSBindingItem[], o: FitOptions = {}): Promise<number[]> {
  return computeParameters(items, options(o));
}

/** Fit on the past, test on the future (fsrs-rs's time-series splits). */
export async function timeSeriesSplit(items: FSRSBindingItem[], o: FitOptions = {}): Promise<Metrics> {
  const m = await evaluateWithTimeSeriesSplits(items, options(o));
  return { logLoss: m.logLoss, rmseBins: m.rmseBins };
}
