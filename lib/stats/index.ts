/** Public API of lib/stats: the "Progress" figures. */
export {
  ANSWER_PERIOD_DAYS,
  DeckNotFoundError,
  FORECAST_DAYS,
  HEATMAP_DAYS,
  MASTERY_THRESHOLD,
  MATURE_INTERVAL_DAYS,
  getStats,
} from "./get-stats";
export { DIFFICULTY_EDGES, RETRIEVABILITY_EDGES, STABILITY_EDGES } from "./buckets";
export type * from "./types";
