// The fixed periods and thresholds of the Progress figures (see lib/services/stats.ts).
export const HEATMAP_DAYS = 365;
export const FORECAST_DAYS = 30;
export const ANSWER_PERIOD_DAYS = 30;
/** Mastered: predicted recall MASTERY_HORIZON_DAYS study days ahead ≥ this (fixed, not the desired retention). */
export const MASTERY_THRESHOLD = 0.9;
/** Mastery asks for the predicted recall this many study days ahead. */
export const MASTERY_HORIZON_DAYS = 30;
/** Anki's threshold between young and mature cards (days). */
export const MATURE_INTERVAL_DAYS = 21;
/** The note kinds mastery is shown for; any other kind counts as "other". */
export const NOTE_KINDS = ["term", "takeaway", "tldr", "stage", "method", "pipeline", "question"] as const;
/** The content items the "weakest first" list ranks. */
export const WEAK_KINDS = ["term", "takeaway", "tldr", "stage", "method"] as const;
export const WEAKEST_LIMIT = 10;
