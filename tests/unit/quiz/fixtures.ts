import fc from "fast-check";
import { normalizeAnswer } from "../../../lib/grade";
import { TOPICS } from "../../../lib/quiz";
import type { QuizQuestion, Topic } from "../../../lib/quiz";

const base = (id: string, topic: Topic) => ({
  id,
  cardId: null,
  topic,
  prompt: `Prompt for ${id} ____`,
  explanation: `Because ${id}.`,
  source: { file: "test.txt", line: 1, quote: `Quote for ${id}.` },
});

export const mc = (id: string, topic: Topic, answer: string, options: string[]): QuizQuestion => ({
  ...base(id, topic),
  type: "multiple-choice",
  answer,
  options,
});
export const tf = (id: string, topic: Topic, answer: "true" | "false"): QuizQuestion => ({
  ...base(id, topic),
  type: "true-false",
  answer,
});
export const cloze = (id: string, topic: Topic, answer: string, alternatives?: string[]): QuizQuestion => ({
  ...base(id, topic),
  type: "cloze",
  answer,
  ...(alternatives ? { alternatives } : {}),
});
export const order = (id: string, topic: Topic, items: string[]): QuizQuestion => ({
  ...base(id, topic),
  type: "order",
  items,
});
export const match = (id: string, topic: Topic, pairs: [string, string][]): QuizQuestion => ({
  ...base(id, topic),
  type: "match",
  pairs: pairs.map(([left, right]) => ({ left, right })),
});

// ---- fast-check arbitraries ------------------------------------------------

const text = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => normalizeAnswer(s) !== "");
const distinctTexts = (min: number, max: number) => fc.uniqueArray(text, { selector: normalizeAnswer, minLength: min, maxLength: max });
const topicArb = fc.constantFrom(...TOPICS);

export const questionArb: fc.Arbitrary<QuizQuestion> = fc.oneof(
  fc.tuple(topicArb, distinctTexts(2, 6), fc.nat()).map(([t, options, n]) => mc("x", t, options[n % options.length] ?? "", options)),
  fc.tuple(topicArb, fc.constantFrom("true" as const, "false" as const)).map(([t, a]) => tf("x", t, a)),
  fc.tuple(topicArb, text).map(([t, a]) => cloze("x", t, a)),
  fc.tuple(topicArb, distinctTexts(2, 6)).map(([t, items]) => order("x", t, items)),
  fc.tuple(topicArb, distinctTexts(2, 5), distinctTexts(2, 5)).map(([t, l, r]) =>
    match(
      "x",
      t,
      l.slice(0, Math.min(l.length, r.length)).map((x, i) => [x, r[i] ?? ""]),
    ),
  ),
);

/** A pool of valid questions with unique ids. */
export const poolArb = fc.array(questionArb, { maxLength: 30 }).map((qs) => qs.map((q, i) => ({ ...q, id: `q${String(i).padStart(2, "0")}` })));
