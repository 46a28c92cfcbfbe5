// The fixed periods and thresholds of the Progress figures (see lib/services/stats.ts).
export const HEATMAP_DAYS = 365;
export const FORECAST_DAYS = 30;
export const ANSWER_PERIOD_DAYS = 30;
export const MASTERY_THRESHOLD = 0.9;
/** Anki's threshold between young and mature cards (days). */
export const MATURE_INTERVAL_DAYS = 21;
