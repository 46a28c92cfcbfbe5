export * from "./types";
export { mulberry32, seedFromString, toSeed, createRng, randomInt, shuffle, pick } from "../generate/rng";
export type { Rng } from "../generate/rng";
export { quizRating, RATING_THRESHOLDS } from "./rating";
export type { QuizRating } from "./rating";
export { buildQuiz, presentQuestion, gradeQuizAnswer, validateQuestion, validatePool, readPairs } from "./build";
export type { BuildQuizInput, BuiltQuiz, QuizGrade } from "./build";
export { selectQuestions } from "./select";
export type { Selection } from "./select";
export { answerFitError, answerShapeError, describeAnswer } from "./answer";
export {
  cardToQuestion,
  cardToQuestions,
  matchQuestion,
  matchQuestions,
  matchQuestionFromId,
  matchQuestionId,
  cardQuestionId,
  maskedDefinition,
  termFields,
  toSource,
  MATCH_SIZE,
  MATCH_PROMPT,
} from "./pool";
export type { PoolCard, PoolTerm } from "./pool";
