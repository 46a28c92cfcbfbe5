/** Public API of lib/srs: scheduling (FSRS via ts-fsrs), study days and the queue. */
export * from "./types";
export {
  addDays,
  dayIndex,
  daysBetween,
  isValidTimeZone,
  labelOfDayIndex,
  nextDayStart,
  streakLength,
  studyDayOf,
  studyDayStart,
  utcOffsetMs,
} from "./study-day";
export {
  applyRating,
  newCardFields,
  previewIntervals,
  retrievability,
  type IntervalPreview,
} from "./scheduler";
export { formatInterval } from "./format-interval";
export { LEECH_LAPSES, becameLeech, isLeech } from "./leech";
export { StepsError, checkSteps, parseSteps, type StepUnit } from "./steps";
export {
  buildQueue,
  queueWindow,
  siblingsToBury,
  type BuildQueueInput,
  type BuildQueueResult,
  type LearningCounts,
  type ReviewsDueTomorrow,
  type QueueCounts,
  type QueueWindow,
} from "./queue";
export { applyQuizAnswer, isDueForReview, type QuizEffect } from "./quiz-practice";
export { forgettingCurve, recallAfter, recallCurve, type CurveConstants, type RecallCurve } from "./forgetting-curve";
export { dueForecast, replayHistory, type PastAnswer } from "./reschedule";
export { NO_PRESET, withPreset, type DeckPreset } from "./presets";
