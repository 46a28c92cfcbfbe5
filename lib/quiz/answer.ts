// What a submitted answer must look like for each question type, and how a
// given answer reads back in feedback and summaries. Pure.
import { readPairs } from "./build";
import type { AnswerKey, QuestionType } from "./types";

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === "string");
const isPairArray = (x: unknown) =>
  Array.isArray(x) &&
  x.every((p: unknown) => {
    const r = p as Record<string, unknown> | null;
    return typeof r === "object" && r !== null && typeof r.left === "string" && typeof r.right === "string";
  });
const isStringRecord = (x: unknown) => typeof x === "object" && x !== null && !Array.isArray(x) && Object.values(x).every((v) => typeof v === "string");

/**
 * Why `answer` cannot be an answer to a question of this type, or null if it can.
 * A wrong answer of the right shape is fine (it is graded wrong); a wrong shape
 * is a client error and must not be recorded as a review.
 */
export function answerShapeError(type: QuestionType, answer: unknown): string | null {
  switch (type) {
    case "multiple-choice":
      return typeof answer === "string" || (typeof answer === "number" && Number.isInteger(answer) && answer >= 0)
        ? null
        : "a multiple-choice answer is the option's text or its index (0, 1, …)";
    case "true-false":
      return typeof answer === "boolean" ||
        answer === 0 ||
        answer === 1 ||
        (typeof answer === "string" && ["true", "false"].includes(answer.trim().toLowerCase()))
        ? null
        : 'a true/false answer is true, false, "true", "false", 0 (True) or 1 (False)';
    case "cloze":
      return typeof answer === "string" ? null : "a cloze answer is the typed text";
    case "order":
      return isStringArray(answer) ? null : "an order answer is the items in your order";
    case "match":
      return isPairArray(answer) || isStringRecord(answer) ? null : "a match answer is { term: definition } or [{ left, right }, …]";
  }
}

/**
 * Why an answer of the right shape still cannot answer this question, or null:
 * an option index past the options, an order of other length or other items
 * than the question's, a match of other terms. Like a wrong shape, a client
 * error, never graded as a wrong answer.
 */
export function answerFitError(key: AnswerKey, answer: unknown): string | null {
  switch (key.type) {
    case "multiple-choice":
      return typeof answer === "number" && answer >= key.options.length
        ? `option ${answer} does not exist; the options are 0 to ${key.options.length - 1}`
        : null;
    case "order": {
      const given = answer as string[];
      if (given.length !== key.items.length) return `an order answer has the question's ${key.items.length} items, not ${given.length}`;
      const sorted = (xs: readonly string[]) => JSON.stringify([...xs].sort());
      return sorted(given) === sorted(key.items) ? null : "an order answer has exactly the question's items, each once";
    }
    case "match": {
      const given = readPairs(answer);
      if (given.length !== key.pairs.length) return `a match answer pairs the question's ${key.pairs.length} terms, not ${given.length}`;
      const lefts = new Set(given.map((p) => p.left));
      return lefts.size === key.pairs.length && key.pairs.every((p) => lefts.has(p.left)) ? null : "a match answer pairs each of the question's terms once";
    }
    default:
      return null;
  }
}

/** A given answer as the learner would read it back (option text, True/False, items, "term → definition"). */
export function describeAnswer(key: AnswerKey, answer: unknown): string | string[] {
  switch (key.type) {
    case "multiple-choice":
      if (typeof answer === "number") return key.options[answer] ?? String(answer);
      return typeof answer === "string" ? answer : "";
    case "true-false": {
      const t = answer === true || answer === 0 || (typeof answer === "string" && answer.trim().toLowerCase() === "true");
      const f = answer === false || answer === 1 || (typeof answer === "string" && answer.trim().toLowerCase() === "false");
      return t ? "True" : f ? "False" : "";
    }
    case "cloze":
      return typeof answer === "string" ? answer : "";
    case "order":
      return isStringArray(answer) ? answer.slice() : [];
    case "match": {
      const given = readPairs(answer);
      return key.pairs.map((p) => `${p.left} → ${given.find((g) => g.left === p.left)?.right ?? "—"}`);
    }
  }
}
