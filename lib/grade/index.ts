export { normalizeAnswer, codePoints } from "./normalize";
export { damerauLevenshtein } from "./distance";
export { gradeTyped, suggestRating, GRADE_THRESHOLDS } from "./grade";
export type { Verdict, TypedGrade, SchedulerRating, GradeReason, Synonyms } from "./grade";
export { tokens, contentTokens, stemWord } from "./tokens";
export type { Token } from "./tokens";
export { diffTyped } from "./diff";
export type { DiffOp, DiffSegment } from "./diff";
