/** Public API of lib/stats: the pure parts of the "Progress" figures (the use case is lib/services/stats.ts). */
export {
  ANSWER_PERIOD_DAYS,
  FORECAST_DAYS,
  HEATMAP_DAYS,
  MASTERY_HORIZON_DAYS,
  MASTERY_THRESHOLD,
  MATURE_INTERVAL_DAYS,
  NOTE_KINDS,
  WEAK_KINDS,
  WEAKEST_LIMIT,
} from "./constants";
export { DIFFICULTY_EDGES, RETRIEVABILITY_EDGES, STABILITY_EDGES } from "./buckets";
export type * from "./types";
export { cardRecall, type CardRecall } from "./card-recall";
