// Cards and notes → quiz questions. Pure: lib/db/quizzes.ts reads the rows (via lib/services/quiz.ts), this
// decides which cards make fair quiz questions and how they are asked.
//
//  card format      → question
//  multiple-choice  → multiple-choice (options re-shuffled per quiz)
//  true-false       → true-false
//  cloze            → cloze (typed answer)
//  typed            → cloze: a term card becomes "_____ — <definition>", the
//                     glossary line of the talk with the term blanked out
//  order            → order
//  flip             → none (self-graded: a quiz needs an answer it can check)
//
// Match questions are not cards: each pairs 4 vocabulary terms with their
// definitions. They feed no card (cardId null): a match is solved partly by
// elimination (the last pair is free), so it is weak evidence about any one
// term, and the scheduler only hears about what was really recalled.
import { mask } from "../generate/generate";
import { createRng, shuffle } from "../generate/rng";
import { TOPICS } from "./types";
import type { MatchQuestion, QuizQuestion, QuizSource, Topic } from "./types";

/** A live card with its note, as read from the database (JSON already parsed). */
export interface PoolCard {
  cardId: number;
  /** Card kind, e.g. "definition-to-term-choice". */
  kind: string;
  /** The note's topic. */
  topic: string;
  noteKey: string;
  /** The note's kind: term, takeaway, tldr, stage, method, pipeline, question. */
  noteKind: string;
  /** Card.payload (lib/generate GeneratedCard without noteKey/kind/topic). */
  payload: unknown;
  /** Note.fields, e.g. { term, expansion, definition } for terms. */
  fields: unknown;
}

/** A vocabulary term, for match questions. */
export interface PoolTerm {
  noteKey: string;
  term: string;
  expansion: string | null;
  definition: string;
  source: QuizSource;
}

export const MATCH_SIZE = 4;
export const MATCH_PROMPT = "Match each definition to its term.";
export const cardQuestionId = (cardId: number) => `card:${cardId}`;

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === "object" && x !== null && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === "string" ? x : undefined);
const strArray = (x: unknown): string[] | undefined => (Array.isArray(x) && x.every((s) => typeof s === "string") ? (x as string[]) : undefined);

export function toSource(x: unknown): QuizSource {
  if (!isRec(x)) return { file: "", line: null, quote: "" };
  const evidence = x.evidence === "transcript" || x.evidence === "summary" ? x.evidence : undefined;
  const deck = str(x.deck);
  return {
    file: str(x.file) ?? "",
    line: typeof x.line === "number" && Number.isFinite(x.line) ? x.line : null,
    quote: str(x.quote) ?? "",
    ...(evidence ? { evidence } : {}),
    ...(deck ? { deck } : {}),
  };
}

/** A term note's fields, or null if the note is not a term. */
export function termFields(noteKind: string, fields: unknown): { term: string; expansion: string | null; definition: string } | null {
  if (noteKind !== "term" || !isRec(fields)) return null;
  const term = str(fields.term);
  const definition = str(fields.definition);
  if (!term || !definition) return null;
  return { term, expansion: str(fields.expansion) ?? null, definition };
}

const namesOf = (t: { term: string; expansion: string | null }) => [t.term, ...(t.expansion ? [t.expansion] : [])];

/** A definition with the term (and its expansion) hidden, so it does not give the term away. */
export const maskedDefinition = (t: { term: string; expansion: string | null; definition: string }) => mask(t.definition, namesOf(t));

/**
 * The quiz question a card makes, or null when its format cannot be graded by
 * the quiz (flip cards) or the card is malformed. The result may still be
 * rejected by validateQuestion (e.g. duplicate options): buildQuiz reports those.
 */
export function cardToQuestion(card: PoolCard): QuizQuestion | null {
  const p = card.payload;
  if (!isRec(p) || !TOPICS.includes(card.topic as Topic)) return null;
  const prompt = str(p.prompt);
  if (prompt === undefined) return null;
  const term = termFields(card.noteKind, card.fields);
  const base = {
    id: cardQuestionId(card.cardId),
    cardId: card.cardId,
    topic: card.topic as Topic,
    prompt,
    explanation: str(p.explanation) ?? (term ? `${term.term}${term.expansion ? ` (${term.expansion})` : ""}: ${term.definition}` : ""),
    source: toSource(p.source),
    noteKeys: [card.noteKey],
  };
  const answer = str(p.answer);
  switch (p.format) {
    case "multiple-choice": {
      const options = strArray(p.options);
      return answer !== undefined && options ? { ...base, type: "multiple-choice", answer, options: options.slice() } : null;
    }
    case "true-false": {
      const a = typeof p.answer === "boolean" ? String(p.answer) : answer?.trim().toLowerCase();
      return a === "true" || a === "false" ? { ...base, type: "true-false", answer: a } : null;
    }
    case "cloze":
    case "typed": {
      if (answer === undefined) return null;
      // One card, two contexts: a typed card with options is recalled in
      // review and recognised among its options in a quiz.
      const choices = strArray(p.options);
      if (p.format === "typed" && choices && choices.length >= 2) return { ...base, type: "multiple-choice", answer, options: choices.slice() };
      const alternatives = strArray(p.alternatives) ?? [];
      let clozePrompt = prompt;
      if (p.format === "typed" && !/_{3,}/.test(prompt)) {
        clozePrompt = term ? `_____ — ${maskedDefinition(term)}` : `${prompt} _____`;
      }
      const synonyms = isRec(p.synonyms) ? (p.synonyms as Record<string, string[]>) : undefined;
      return { ...base, type: "cloze", prompt: clozePrompt, answer, alternatives: alternatives.slice(), ...(synonyms ? { synonyms } : {}) };
    }
    case "order": {
      const items = strArray(p.items);
      return items ? { ...base, type: "order", items: items.slice() } : null;
    }
    default:
      return null;
  }
}

/**
 * Every format a card can be asked in, main format first: a typed card with
 * options is recognised among them (multiple choice) or, as an `alternate`,
 * recalled by typing (cloze). Quiz assembly asks whichever one fits the quiz
 * without giving another question's answer away (its options show other terms).
 */
export function cardToQuestions(card: PoolCard): QuizQuestion[] {
  const main = cardToQuestion(card);
  if (!main) return [];
  const p = card.payload as Rec;
  // A definition that kept a blank (a variant of the term hidden inside it) reads as a cloze of that word, not of the term.
  if (p.format !== "typed" || main.type !== "multiple-choice" || /_{3,}/.test(main.prompt)) return [main];
  const typed = cardToQuestion({ ...card, payload: { ...p, options: undefined } });
  return typed ? [main, { ...typed, alternate: true }] : [main];
}

/** Match question id: "match:" + the terms' note keys, sorted — enough to rebuild it for a retry. */
export const matchQuestionId = (noteKeys: readonly string[]) => `match:${[...noteKeys].sort().join(",")}`;

/** One match question over the given terms (pairs in note-key order; the right side is shuffled when presented). */
export function matchQuestion(terms: readonly PoolTerm[]): MatchQuestion {
  const sorted = [...terms].sort((a, b) => (a.noteKey < b.noteKey ? -1 : a.noteKey > b.noteKey ? 1 : 0));
  const first = sorted[0];
  const sameFile = sorted.every((t) => t.source.file === first?.source.file);
  const lines = sorted.map((t) => t.source.line).filter((l): l is number => l !== null);
  return {
    id: matchQuestionId(sorted.map((t) => t.noteKey)),
    cardId: null,
    topic: "vocabulary",
    type: "match",
    prompt: MATCH_PROMPT,
    pairs: sorted.map((t) => ({ left: t.term, right: maskedDefinition(t) })),
    explanation: "",
    source: {
      file: sameFile ? (first?.source.file ?? "") : "",
      line: sameFile && lines.length > 0 ? Math.min(...lines) : null,
      quote: sorted.map((t) => t.source.quote).join("\n"),
    },
    noteKeys: sorted.map((t) => t.noteKey),
  };
}

/**
 * The match questions of one quiz: the terms, shuffled by `seed`, cut into
 * groups of MATCH_SIZE (a remainder smaller than that is left out). Different
 * seeds group the terms differently.
 */
export function matchQuestions(terms: readonly PoolTerm[], seed: number | string): MatchQuestion[] {
  const sorted = [...terms].sort((a, b) => (a.noteKey < b.noteKey ? -1 : a.noteKey > b.noteKey ? 1 : 0));
  const shuffled = shuffle(sorted, createRng(`${String(seed)}|match`));
  const out: MatchQuestion[] = [];
  for (let i = 0; i + MATCH_SIZE <= shuffled.length; i += MATCH_SIZE) out.push(matchQuestion(shuffled.slice(i, i + MATCH_SIZE)));
  return out;
}

/** Rebuilds a match question from its id, or null if the id is not one or a term is gone. */
export function matchQuestionFromId(id: string, terms: readonly PoolTerm[]): MatchQuestion | null {
  if (!id.startsWith("match:")) return null;
  const keys = id.slice("match:".length).split(",");
  if (keys.length < 2 || new Set(keys).size !== keys.length) return null;
  const byKey = new Map(terms.map((t) => [t.noteKey, t]));
  const group = keys.map((k) => byKey.get(k));
  if (group.some((t) => t === undefined)) return null;
  const q = matchQuestion(group as PoolTerm[]);
  return q.id === id ? q : null;
}
