export type Topic = "vocabulary" | "takeaways" | "pipeline";
export type TopicFilter = Topic | "all";
export type QuestionType = "multiple-choice" | "true-false" | "cloze" | "order" | "match";
export type QuizLength = 5 | 10 | 20;

export const TOPICS: readonly Topic[] = ["vocabulary", "takeaways", "pipeline"];
/** What a quiz can be asked for: one topic, or all. */
export const TOPIC_FILTERS = ["vocabulary", "takeaways", "pipeline", "all"] as const satisfies readonly TopicFilter[];
/** How many questions a quiz can have. */
export const QUIZ_LENGTHS = [5, 10, 20] as const;
/** Quiz seeds are 31-bit, so they fit SQLite and JavaScript integers alike. */
export const MAX_SEED = 2_147_483_647;
export const QUESTION_TYPES: readonly QuestionType[] = ["multiple-choice", "true-false", "cloze", "order", "match"];

/** Where a question comes from in the talk: shown with the feedback. */
export interface QuizSource {
  file: string;
  line: number | null;
  quote: string;
  /** "summary" when the transcript never discusses the item (the quote is then its summary line). */
  evidence?: "transcript" | "summary";
  /** The deck's key, to open its transcript. */
  deck?: string;
}

interface QuestionBase {
  id: string;
  /** The card an answer reviews; null when the question feeds no single card (match). */
  cardId: number | null;
  topic: Topic;
  prompt: string;
  explanation: string;
  source: QuizSource;
  /**
   * Keys of the content items (notes) the question tests. buildQuiz avoids two
   * questions sharing a note where it can: siblings would give each other away.
   */
  noteKeys?: readonly string[];
  /**
   * Another format of the question with the same id (e.g. a term card asked
   * as a typed cloze instead of multiple choice): buildQuiz asks at most one
   * format of an id, whichever fits the quiz without giving answers away.
   */
  alternate?: true;
}

export interface MultipleChoiceQuestion extends QuestionBase {
  type: "multiple-choice";
  answer: string;
  /** All options, including the answer exactly once. */
  options: string[];
}
export interface TrueFalseQuestion extends QuestionBase {
  type: "true-false";
  answer: "true" | "false";
}
export interface ClozeQuestion extends QuestionBase {
  type: "cloze";
  /** Prompt contains a blank written as "____". */
  answer: string;
  alternatives?: string[];
  /** Safe synonyms of the answer's words (lib/grade Synonyms). */
  synonyms?: Record<string, string[]>;
}
export interface OrderQuestion extends QuestionBase {
  type: "order";
  /** In the correct order. */
  items: string[];
}
export interface MatchPair {
  left: string;
  right: string;
}
export interface MatchQuestion extends QuestionBase {
  type: "match";
  pairs: MatchPair[];
}

export type QuizQuestion = MultipleChoiceQuestion | TrueFalseQuestion | ClozeQuestion | OrderQuestion | MatchQuestion;

/** What the client sees: never contains the answer. */
interface PresentedBase {
  id: string;
  topic: Topic;
  prompt: string;
}
export type PresentedQuestion =
  | (PresentedBase & { type: "multiple-choice"; options: string[] })
  | (PresentedBase & { type: "true-false"; options: ["True", "False"] })
  | (PresentedBase & { type: "cloze" })
  | (PresentedBase & { type: "order"; items: string[] })
  | (PresentedBase & { type: "match"; left: string[]; right: string[] });

/** What the server keeps to grade a presented question (and show feedback). */
interface KeyBase {
  id: string;
  cardId: number | null;
  topic: Topic;
  explanation: string;
  source: QuizSource;
}
export type AnswerKey =
  | (KeyBase & {
      type: "multiple-choice";
      answer: string;
      /** Options in presented order — a numeric answer indexes into this. */
      options: string[];
      answerIndex: number;
    })
  | (KeyBase & { type: "true-false"; answer: "true" | "false" })
  | (KeyBase & { type: "cloze"; answer: string; alternatives: string[]; synonyms?: Record<string, string[]> })
  | (KeyBase & { type: "order"; items: string[] })
  | (KeyBase & { type: "match"; pairs: MatchPair[] });

/**
 * A user's answer as submitted:
 *  - multiple-choice: option text, or index into the options (of the object being graded)
 *  - true-false: boolean, "true"/"false" (any case), or 0 = True / 1 = False
 *  - cloze: typed text
 *  - order: the items in the user's order
 *  - match: { [left]: right } or [{ left, right }, ...]
 */
export type QuizAnswer = string | number | boolean | readonly string[] | Readonly<Record<string, string>> | readonly MatchPair[];

export interface RejectedQuestion {
  id: string;
  reason: string;
}
