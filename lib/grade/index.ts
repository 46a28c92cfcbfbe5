export { normalizeAnswer, codePoints } from "./normalize";
export { damerauLevenshtein } from "./distance";
export { gradeTyped, suggestRating, GRADE_THRESHOLDS } from "./grade";
export type { Verdict, TypedGrade, SchedulerRating } from "./grade";
export { diffTyped } from "./diff";
export type { DiffOp, DiffSegment } from "./diff";
