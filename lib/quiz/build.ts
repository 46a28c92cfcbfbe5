import { gradeTyped, normalizeAnswer } from "../grade";
import type { Verdict } from "../grade";
import { createRng, shuffle, toSeed } from "../generate/rng";
import type { Rng } from "../generate/rng";
import { QUESTION_TYPES, TOPICS } from "./types";
import { leaksBetween, poolCommonStems } from "./leaks";
import { selectQuestions } from "./select";
import type { AnswerKey, MatchPair, PresentedQuestion, QuizQuestion, RejectedQuestion, TopicFilter } from "./types";

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

/** Key used to compare options/items/answers — the same one grading uses. */
const textKey = (s: string): string => normalizeAnswer(s);

const isString = (x: unknown): x is string => typeof x === "string";
const isNonEmptyString = (x: unknown): x is string => typeof x === "string" && x.trim() !== "";

/** First pair of texts in `list` that collide under `textKey`, if any. */
function findDuplicate(list: readonly string[]): [string, string] | null {
  const seen = new Map<string, string>();
  for (const s of list) {
    const k = textKey(s);
    const prev = seen.get(k);
    if (prev !== undefined) return [prev, s];
    seen.set(k, s);
  }
  return null;
}

function checkTextList(list: unknown, what: string, min: number): string | null {
  if (!Array.isArray(list) || !list.every(isString)) return `${what} must be an array of strings`;
  if (list.length < min) return `needs at least ${min} ${what}, has ${list.length}`;
  const empty = list.find((s) => textKey(s) === "");
  if (empty !== undefined) return `${what} entry ${JSON.stringify(empty)} has no letters or digits`;
  const dup = findDuplicate(list);
  if (dup) return `duplicate ${what}: ${JSON.stringify(dup[0])} and ${JSON.stringify(dup[1])}`;
  return null;
}

/**
 * Why a question cannot be shown, or null if it is fine. Checks the shape at
 * runtime too (content may come from JSON/YAML). Options, order items and
 * match sides must be distinct under `normalizeAnswer` — the same equivalence
 * used for grading, so a user could never pick a "different" option that
 * grades identically.
 */
export function validateQuestion(q: QuizQuestion): string | null {
  const raw = q as unknown as Record<string, unknown>;
  if (!isNonEmptyString(raw.id)) return "missing id";
  if (!TOPICS.includes(raw.topic as never)) return `unknown topic ${JSON.stringify(raw.topic)}`;
  if (!QUESTION_TYPES.includes(raw.type as never)) return `unknown type ${JSON.stringify(raw.type)}`;
  if (!isNonEmptyString(raw.prompt)) return "missing prompt";

  switch (q.type) {
    case "multiple-choice": {
      const bad = checkTextList(raw.options, "options", 2);
      if (bad) return bad;
      if (!isString(raw.answer) || textKey(q.answer) === "") return "missing answer";
      const hits = q.options.filter((o) => textKey(o) === textKey(q.answer)).length;
      if (hits === 0) return `answer ${JSON.stringify(q.answer)} missing from options`;
      return null;
    }
    case "true-false":
      return raw.answer === "true" || raw.answer === "false" ? null : `answer must be "true" or "false"`;
    case "cloze": {
      if (!/_{3,}/.test(q.prompt)) return "cloze prompt has no blank (____)";
      if (!isString(raw.answer) || textKey(q.answer) === "") return "missing answer";
      if (raw.alternatives !== undefined && (!Array.isArray(raw.alternatives) || !raw.alternatives.every(isString)))
        return "alternatives must be an array of strings";
      return null;
    }
    case "order":
      return checkTextList(raw.items, "items", 2);
    case "match": {
      const pairs = raw.pairs;
      if (
        !Array.isArray(pairs) ||
        !pairs.every((p: unknown) => {
          const r = p as Record<string, unknown> | null;
          return typeof r === "object" && r !== null && isString(r.left) && isString(r.right);
        })
      )
        return "pairs must be an array of { left, right } strings";
      const typed = pairs as MatchPair[];
      return (
        checkTextList(
          typed.map((p) => p.left),
          "left items",
          2,
        ) ??
        checkTextList(
          typed.map((p) => p.right),
          "right items",
          2,
        )
      );
    }
  }
}

/**
 * Split a pool into showable questions and rejected ones (with reasons). A
 * later question with an id already used is rejected, unless it is marked as
 * an `alternate` format of that id (an alternate whose main format is missing
 * or invalid is still asked, in its place).
 */
export function validatePool(pool: readonly QuizQuestion[]): { valid: QuizQuestion[]; rejected: RejectedQuestion[] } {
  const valid: QuizQuestion[] = [];
  const rejected: RejectedQuestion[] = [];
  const ids = new Set<string>();
  const ordered = [...pool].sort((a, b) => Number(a?.alternate === true) - Number(b?.alternate === true));
  for (const q of ordered) {
    const reason = validateQuestion(q);
    const id = typeof q?.id === "string" ? q.id : String((q as { id?: unknown } | null)?.id);
    if (reason) rejected.push({ id, reason });
    else if (ids.has(q.id) && q.alternate !== true) rejected.push({ id, reason: "duplicate id" });
    else {
      ids.add(q.id);
      valid.push(q);
    }
  }
  return { valid, rejected };
}

// ---------------------------------------------------------------------------
// Presentation
// ---------------------------------------------------------------------------

/**
 * A uniformly random permutation of 0..n-1 that is *not* the identity when
 * n ≥ 2 (rejection sampling; the rotate fallback is unreachable in practice:
 * P(64 identity draws) ≤ 2^-64).
 */
function nonIdentityPermutation(n: number, rng: Rng): number[] {
  const identity = Array.from({ length: n }, (_, i) => i);
  if (n < 2) return identity;
  for (let attempt = 0; attempt < 64; attempt++) {
    const p = shuffle(identity, rng);
    if (p.some((v, i) => v !== i)) return p;
  }
  return identity.map((i) => (i + 1) % n);
}

const permute = <T>(arr: readonly T[], perm: readonly number[]): T[] => perm.map((i) => arr[i] as T);

/**
 * Present a (valid) question: shuffle what needs shuffling and split it into
 * what the client sees (`presented`, no answer) and what the server keeps (`key`).
 *  - multiple-choice: options shuffled uniformly ⇒ the answer's position is uniform.
 *  - true-false: options always ["True", "False"].
 *  - order: items shuffled, never already in the correct order (≥ 2 items).
 *  - match: left side in authored order, right side shuffled so it is never
 *    already aligned with the left (≥ 2 pairs).
 */
export function presentQuestion(q: QuizQuestion, rng: Rng): { presented: PresentedQuestion; key: AnswerKey } {
  const base = { id: q.id, topic: q.topic, prompt: q.prompt };
  const keyBase = { id: q.id, cardId: q.cardId, topic: q.topic, explanation: q.explanation, source: q.source };
  switch (q.type) {
    case "multiple-choice": {
      const options = shuffle(q.options, rng);
      const answerIndex = options.findIndex((o) => textKey(o) === textKey(q.answer));
      return {
        presented: { ...base, type: q.type, options },
        key: { ...keyBase, type: q.type, answer: options[answerIndex] ?? q.answer, options: options.slice(), answerIndex },
      };
    }
    case "true-false":
      return {
        presented: { ...base, type: q.type, options: ["True", "False"] },
        key: { ...keyBase, type: q.type, answer: q.answer },
      };
    case "cloze":
      return {
        presented: { ...base, type: q.type },
        key: { ...keyBase, type: q.type, answer: q.answer, alternatives: (q.alternatives ?? []).slice(), ...(q.synonyms ? { synonyms: q.synonyms } : {}) },
      };
    case "order":
      return {
        presented: { ...base, type: q.type, items: permute(q.items, nonIdentityPermutation(q.items.length, rng)) },
        key: { ...keyBase, type: q.type, items: q.items.slice() },
      };
    case "match": {
      const left = q.pairs.map((p) => p.left);
      const right = permute(
        q.pairs.map((p) => p.right),
        nonIdentityPermutation(q.pairs.length, rng),
      );
      return {
        presented: { ...base, type: q.type, left, right },
        key: { ...keyBase, type: q.type, pairs: q.pairs.map((p) => ({ left: p.left, right: p.right })) },
      };
    }
  }
}

// ---------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------

export interface BuildQuizInput {
  pool: readonly QuizQuestion[];
  topic: TopicFilter;
  /** 5 | 10 | 20 in the UI; any positive integer is accepted. */
  length: number;
  seed: number | string;
}

export interface BuiltQuiz {
  questions: PresentedQuestion[];
  /** Server-side only: id → answer key. */
  answerKey: Record<string, AnswerKey>;
  /** How many questions short of `length` the topic was (0 when enough). */
  shortBy: number;
  /**
   * When short: true if no set of the topic's questions larger than this one
   * avoids giving answers away (the quiz is as long as the topic allows).
   */
  maximal: boolean;
  /** Questions of the requested topic that were not eligible, with reasons. */
  rejected: RejectedQuestion[];
  /** The normalised uint32 seed actually used. */
  seed: number;
}

/**
 * Assemble a quiz: filter the pool by topic, drop invalid questions, pick
 * `length` distinct ones at random so that none gives another's answer away —
 * one format per id, at most one per note while that is possible (see
 * select.ts) — and present them (options shuffled). Short only when the topic
 * has no more questions that fit together (`maximal`). Deterministic in (pool
 * contents, topic, length, seed) and independent of the pool's order
 * (candidates are sorted by id first).
 */
export function buildQuiz({ pool, topic, length, seed }: BuildQuizInput): BuiltQuiz {
  if (!Number.isInteger(length) || length <= 0) throw new RangeError(`buildQuiz: invalid length ${length}`);
  if (topic !== "all" && !TOPICS.includes(topic)) throw new RangeError(`buildQuiz: unknown topic ${String(topic)}`);

  const inTopic = topic === "all" ? pool.slice() : pool.filter((q) => q?.topic === topic);
  const { valid, rejected } = validatePool(inTopic);
  const rank = (q: QuizQuestion) => `${q.id}\u0000${q.alternate ? 1 : 0}${q.type}`;
  valid.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));

  const seed32 = toSeed(seed);
  const rng = createRng(seed32);
  // Common stems are those of the questions as first asked (alternates repeat them).
  const common = poolCommonStems(valid.filter((q) => !q.alternate));
  // Shuffle the ids, keeping each id's formats together, main format first.
  const byId = new Map<string, QuizQuestion[]>();
  for (const q of valid) byId.set(q.id, [...(byId.get(q.id) ?? []), q]);
  const candidates = shuffle([...byId.values()], rng).flat();
  const { chosen, maximal } = selectQuestions(candidates, length, (a, b) => leaksBetween(a, b, common));

  const questions: PresentedQuestion[] = [];
  const answerKey: Record<string, AnswerKey> = {};
  for (const q of chosen) {
    const { presented, key } = presentQuestion(q, rng);
    questions.push(presented);
    answerKey[q.id] = key;
  }
  return { questions, answerKey, shortBy: Math.max(0, length - questions.length), maximal, rejected, seed: seed32 };
}

// ---------------------------------------------------------------------------
// Grading
// ---------------------------------------------------------------------------

export interface QuizGrade {
  correct: boolean;
  /** For display: option/answer text; order → items in order; match → "left → right" lines. */
  correctAnswer: string | string[];
  /** Cloze only: typed-answer verdict ("close" is graded wrong but reported). */
  verdict?: Verdict;
  /** Order: items in the right position; match: pairs matched correctly. */
  score?: { right: number; total: number };
}

function sameText(a: string, b: string): boolean {
  const ka = textKey(a);
  const kb = textKey(b);
  return ka !== "" || kb !== "" ? ka === kb : a.trim() === b.trim();
}

export function readPairs(answer: unknown): MatchPair[] {
  if (Array.isArray(answer)) {
    return answer.flatMap((p: unknown) => {
      const r = p as Record<string, unknown> | null;
      return typeof r === "object" && r !== null && isString(r.left) && isString(r.right) ? [{ left: r.left, right: r.right }] : [];
    });
  }
  if (typeof answer === "object" && answer !== null) {
    return Object.entries(answer as Record<string, unknown>).flatMap(([left, right]) => (isString(right) ? [{ left, right }] : []));
  }
  return [];
}

/**
 * Grade a submitted answer against a question or its answer key. Never throws
 * on malformed answers (they are simply wrong). See `QuizAnswer` for accepted
 * shapes; a numeric multiple-choice answer indexes the `options` of the object
 * passed (presented order for an AnswerKey, authored order for a QuizQuestion).
 */
export function gradeQuizAnswer(question: QuizQuestion | AnswerKey, answer: unknown): QuizGrade {
  switch (question.type) {
    case "multiple-choice": {
      let chosen: string | null = null;
      if (typeof answer === "number" && Number.isInteger(answer)) chosen = question.options[answer] ?? null;
      else if (typeof answer === "string") chosen = answer;
      const correct = chosen !== null && sameText(chosen, question.answer) && question.options.some((o) => sameText(o, chosen));
      return { correct, correctAnswer: question.answer };
    }
    case "true-false": {
      let value: boolean | null = null;
      if (typeof answer === "boolean") value = answer;
      else if (answer === 0 || answer === 1) value = answer === 0;
      else if (typeof answer === "string") {
        const k = textKey(answer);
        value = k === "true" ? true : k === "false" ? false : null;
      }
      const expected = question.answer === "true";
      return { correct: value === expected, correctAnswer: expected ? "True" : "False" };
    }
    case "cloze": {
      const g = gradeTyped(typeof answer === "string" ? answer : "", question.answer, question.alternatives ?? [], question.synonyms ?? {});
      return { correct: g.verdict === "correct", correctAnswer: question.answer, verdict: g.verdict };
    }
    case "order": {
      const items = question.items;
      const given = Array.isArray(answer) ? (answer as unknown[]) : [];
      let right = 0;
      items.forEach((item, i) => {
        const g = given[i];
        if (isString(g) && sameText(g, item)) right++;
      });
      return {
        correct: given.length === items.length && right === items.length,
        correctAnswer: items.slice(),
        score: { right, total: items.length },
      };
    }
    case "match": {
      const given = readPairs(answer);
      let right = 0;
      for (const pair of question.pairs) {
        const mine = given.find((g) => sameText(g.left, pair.left));
        if (mine && sameText(mine.right, pair.right)) right++;
      }
      return {
        correct: right === question.pairs.length,
        correctAnswer: question.pairs.map((p) => `${p.left} → ${p.right}`),
        score: { right, total: question.pairs.length },
      };
    }
  }
}
