/**
 * The evaluation report printed by `npm run fsrs -- evaluate`: FSRS-6 defaults
 * and fitted parameters (in-sample) on the same items, plus fsrs-rs's
 * time-series split (fit on the past, test on the future).
 */
import { evaluate, fit as fitParameters, timeSeriesSplit, toBindingItems, type Metrics } from "./binding";
import type { TrainingItem } from "./items";

export interface EvaluationReport {
  items: number;
  default: Metrics;
  fitted: Metrics;
  timeSeriesSplit: Metrics;
  parameters: number[];
}

export async function evaluationReport(items: readonly TrainingItem[]): Promise<EvaluationReport> {
  const bindingItems = toBindingItems(items);
  const parameters = await fitParameters(bindingItems);
  return {
    items: items.length,
    default: evaluate(bindingItems, null),
    fitted: evaluate(bindingItems, parameters),
    timeSeriesSplit: await timeSeriesSplit(bindingItems),
    parameters,
  };
}
