export * from "./types";
export { mulberry32, seedFromString, toSeed, createRng, randomInt, shuffle, pick } from "./rng";
export type { Rng } from "./rng";
export { quizRating, RATING_THRESHOLDS } from "./rating";
export type { QuizRating } from "./rating";
export { buildQuiz, presentQuestion, gradeQuizAnswer, validateQuestion, validatePool } from "./build";
export type { BuildQuizInput, BuiltQuiz, QuizGrade } from "./build";
