import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { buildDeck } from "../../../lib/generate/build-deck";
import {
  answerShapeError,
  buildQuiz,
  cardToQuestion,
  describeAnswer,
  gradeQuizAnswer,
  matchQuestion,
  matchQuestionFromId,
  matchQuestions,
  selectQuestions,
  presentQuestion,
  createRng,
  validateQuestion,
  MATCH_SIZE,
} from "../../../lib/quiz";
import type { PoolCard, PoolTerm, QuizQuestion } from "../../../lib/quiz";
import { tf } from "./fixtures";

const source = {
  file: "content/deck/talk.txt",
  line: 29,
  quote: "RLHF (Reinforcement Learning from Human Feedback) — A technique where humans rank responses.",
};
const card = (over: Partial<PoolCard> & { payload: Record<string, unknown> }): PoolCard => ({
  cardId: 7,
  kind: "k",
  topic: "vocabulary",
  noteKey: "term:rlhf",
  noteKind: "term",
  fields: null,
  ...over,
  payload: { source, ...over.payload },
});
const rlhf = { term: "RLHF", expansion: "Reinforcement Learning from Human Feedback", definition: "A technique where humans rank RLHF responses." };

describe("cardToQuestion", () => {
  it("multiple-choice cards keep their options and answer", () => {
    const q = cardToQuestion(
      card({ payload: { format: "multiple-choice", prompt: "Which?", answer: "RLHF", options: ["DPO", "RLHF", "SFT"], explanation: "Because." } }),
    );
    expect(q).toEqual({
      id: "card:7",
      cardId: 7,
      topic: "vocabulary",
      type: "multiple-choice",
      prompt: "Which?",
      answer: "RLHF",
      options: ["DPO", "RLHF", "SFT"],
      explanation: "Because.",
      source,
      noteKeys: ["term:rlhf"],
    });
    expect(validateQuestion(q!)).toBeNull();
  });

  it("true-false cards: True/False (or booleans) become the key's true/false", () => {
    const tfCard = (answer: unknown) =>
      cardToQuestion(
        card({ topic: "takeaways", noteKind: "question", payload: { format: "true-false", prompt: "Claim.", answer, options: ["True", "False"] } }),
      );
    expect(tfCard("True")).toMatchObject({ type: "true-false", answer: "true", topic: "takeaways" });
    expect(tfCard("False")).toMatchObject({ type: "true-false", answer: "false" });
    expect(tfCard(false)).toMatchObject({ type: "true-false", answer: "false" });
    expect(tfCard("maybe")).toBeNull();
  });

  it("cloze cards keep their blank, answer and alternatives", () => {
    const q = cardToQuestion(
      card({
        topic: "takeaways",
        noteKind: "takeaway",
        payload: { format: "cloze", prompt: "Models prefer _____ answers.", answer: "shorter", alternatives: ["briefer"] },
      }),
    );
    expect(q).toMatchObject({ type: "cloze", prompt: "Models prefer _____ answers.", answer: "shorter", alternatives: ["briefer"], explanation: "" });
    expect(validateQuestion(q!)).toBeNull();
  });

  it("typed term cards become a cloze of the glossary line, the term (and expansion) masked", () => {
    const q = cardToQuestion(
      card({ fields: rlhf, payload: { format: "typed", prompt: "Type the term: whatever", answer: "RLHF", alternatives: [rlhf.expansion] } }),
    );
    expect(q).toMatchObject({
      type: "cloze",
      prompt: "_____ — A technique where humans rank _____ responses.",
      answer: "RLHF",
      alternatives: [rlhf.expansion],
    });
    expect(q!.explanation).toBe(`RLHF (${rlhf.expansion}): ${rlhf.definition}`);
    expect(validateQuestion(q!)).toBeNull();
  });

  it("typed cards that are not terms get a blank after the prompt", () => {
    const q = cardToQuestion(card({ noteKind: "question", payload: { format: "typed", prompt: "Name the method:", answer: "RLHF" } }));
    expect(q).toMatchObject({ type: "cloze", prompt: "Name the method: _____" });
    expect(validateQuestion(q!)).toBeNull();
  });

  it("order cards keep the items in their correct order", () => {
    const q = cardToQuestion(
      card({ topic: "pipeline", noteKind: "pipeline", payload: { format: "order", prompt: "Order!", items: ["a", "b", "c"], answer: "a → b → c" } }),
    );
    expect(q).toMatchObject({ type: "order", items: ["a", "b", "c"], topic: "pipeline" });
  });

  it("flip cards, unknown formats, unknown topics and malformed payloads make no question", () => {
    expect(cardToQuestion(card({ payload: { format: "flip", prompt: "What is RLHF?", answer: "…" } }))).toBeNull();
    expect(cardToQuestion(card({ payload: { format: "essay", prompt: "?", answer: "…" } }))).toBeNull();
    expect(cardToQuestion(card({ topic: "history", payload: { format: "cloze", prompt: "_____", answer: "x" } }))).toBeNull();
    expect(cardToQuestion(card({ payload: { format: "multiple-choice", prompt: "?", answer: "x" } }))).toBeNull();
    expect(cardToQuestion({ ...card({ payload: {} }), payload: "not an object" })).toBeNull();
  });

  it("every non-flip card of the real deck becomes a valid question; flip cards none", () => {
    const built = buildDeck("content/claude-character");
    const itemByKey = new Map(built.content.items.map((i) => [i.key, i]));
    let n = 0;
    for (const [i, c] of built.cards.entries()) {
      const item = itemByKey.get(c.noteKey)!;
      const { noteKey: _n, kind: _k, topic: _t, ...payload } = c;
      const { key: _key, kind: _kind, topic: _topic, source: _s, ...fields } = item;
      const q = cardToQuestion({ cardId: i + 1, kind: c.kind, topic: c.topic, noteKey: c.noteKey, noteKind: item.kind, payload, fields });
      if (c.format === "flip") {
        expect(q).toBeNull();
        continue;
      }
      n++;
      expect(q, `${c.noteKey} ${c.kind}`).not.toBeNull();
      expect(validateQuestion(q!), `${c.noteKey} ${c.kind}`).toBeNull();
      expect(q!.source.quote).toBe(c.source.quote);
      if (q!.type === "cloze") expect(q!.prompt.toLowerCase()).not.toContain(q!.answer.toLowerCase());
    }
    expect(n).toBeGreaterThan(20);
  });
});

const term = (name: string, i: number): PoolTerm => ({
  noteKey: `term:${name.toLowerCase()}`,
  term: name,
  expansion: null,
  definition: `Definition number ${i} of ${name}, which is unique.`,
  source: { file: "talk.txt", line: 10 + i, quote: `${name} — definition ${i}` },
});
const TERMS = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa"].map(term);

describe("match questions", () => {
  it("pair terms with their masked definitions, feed no card, and cite every term's quote", () => {
    const q = matchQuestion(TERMS.slice(0, 4));
    expect(q).toMatchObject({ id: "match:term:alpha,term:beta,term:delta,term:gamma", cardId: null, type: "match", topic: "vocabulary" });
    expect(q.pairs).toContainEqual({ left: "Alpha", right: "Definition number 0 of _____, which is unique." });
    expect(q.noteKeys).toEqual(["term:alpha", "term:beta", "term:delta", "term:gamma"]);
    expect(q.source).toEqual({ file: "talk.txt", line: 10, quote: expect.stringContaining("Gamma — definition 2") });
    expect(validateQuestion(q)).toBeNull();
  });

  it("a quiz's match questions are disjoint groups of 4, fixed by the seed, rebuildable from their ids", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: TERMS.length }), (seed, n) => {
        const terms = TERMS.slice(0, n);
        const qs = matchQuestions(terms, seed);
        expect(qs).toHaveLength(Math.floor(n / MATCH_SIZE));
        const keys = qs.flatMap((q) => q.noteKeys ?? []);
        expect(new Set(keys).size).toBe(keys.length);
        expect(matchQuestions([...terms].reverse(), seed)).toEqual(qs);
        for (const q of qs) expect(matchQuestionFromId(q.id, terms)).toEqual(q);
      }),
      { numRuns: 200 },
    );
  });

  it("matchQuestionFromId refuses ids that are not match ids or name missing terms", () => {
    expect(matchQuestionFromId("card:1", TERMS)).toBeNull();
    expect(matchQuestionFromId("match:term:alpha", TERMS)).toBeNull();
    expect(matchQuestionFromId("match:term:alpha,term:alpha", TERMS)).toBeNull();
    expect(matchQuestionFromId("match:term:alpha,term:nope", TERMS)).toBeNull();
    expect(matchQuestionFromId("match:term:beta,term:alpha", TERMS)).toBeNull(); // not canonical
    expect(matchQuestionFromId("match:term:alpha,term:beta", TERMS)?.pairs).toHaveLength(2);
  });
});

describe("siblings: at most one question per note while possible", () => {
  const withNotes = (i: number, note: number): QuizQuestion => ({ ...tf(`q${String(i).padStart(2, "0")}`, "pipeline", "true"), noteKeys: [`n${note}`] });

  const none = () => false;
  const ids = (qs: readonly QuizQuestion[]) => qs.map((q) => q.id);

  it("selectQuestions skips siblings, then fills up with them only when short", () => {
    const qs = [withNotes(0, 1), withNotes(1, 1), withNotes(2, 2), withNotes(3, 2), withNotes(4, 3)];
    expect(ids(selectQuestions(qs, 3, none).chosen)).toEqual(["q00", "q02", "q04"]);
    expect(ids(selectQuestions(qs, 4, none).chosen)).toEqual(["q00", "q01", "q02", "q04"]);
    expect(selectQuestions(qs, 9, none)).toEqual({ chosen: qs, maximal: true });
  });

  it("selectQuestions backtracks: a first pick that conflicts with the rest is given up to reach the length", () => {
    // q00 would show the answers of q01 and q02; dropping whatever conflicts with an early pick gives a quiz of 1.
    const qs = [withNotes(0, 1), withNotes(1, 2), withNotes(2, 3)];
    const conflicts = (a: QuizQuestion, b: QuizQuestion) => a.id === "q00" || b.id === "q00";
    expect(ids(selectQuestions(qs, 2, conflicts).chosen)).toEqual(["q01", "q02"]);
    expect(selectQuestions(qs, 3, conflicts)).toMatchObject({ maximal: true, chosen: [qs[1], qs[2]] });
  });

  it("selectQuestions asks one format per id, the main one when it fits", () => {
    const main = withNotes(0, 1);
    const alt: QuizQuestion = { ...main, alternate: true, type: "true-false", answer: "false" };
    const other = withNotes(1, 2);
    expect(selectQuestions([main, alt, other], 5, none).chosen).toEqual([main, other]);
    // The main format would show q01's answer; the alternate does not.
    const conflicts = (a: QuizQuestion, b: QuizQuestion) => [a, b].includes(main) && [a, b].includes(other);
    expect(selectQuestions([main, alt, other], 5, conflicts).chosen).toEqual([alt, other]);
  });

  it("selectQuestions says when it stopped at its budget before proving the quiz cannot be longer", () => {
    const qs = Array.from({ length: 12 }, (_, i) => withNotes(i, i));
    const conflicts = (a: QuizQuestion, b: QuizQuestion) => (Number(a.id.slice(1)) + Number(b.id.slice(1))) % 2 === 0;
    expect(selectQuestions(qs, 5, conflicts)).toMatchObject({ maximal: true });
    expect(selectQuestions(qs, 5, conflicts).chosen).toHaveLength(2);
    expect(selectQuestions(qs, 5, conflicts, 3).maximal).toBe(false);
  });

  it("buildQuiz never pairs siblings when the topic has enough notes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(5, 10, 20),
        fc.integer(),
        (notes, length, seed) => {
          const pool = notes.map((note, i) => withNotes(i, note));
          const distinct = new Set(notes).size;
          const quiz = buildQuiz({ pool, topic: "pipeline", length, seed });
          expect(quiz.questions).toHaveLength(Math.min(length, pool.length));
          const chosenNotes = quiz.questions.map((q) => pool.find((p) => p.id === q.id)!.noteKeys![0]);
          if (distinct >= length) expect(new Set(chosenNotes).size).toBe(chosenNotes.length);
          else expect(new Set(chosenNotes).size).toBe(Math.min(distinct, quiz.questions.length));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("answer shapes and how a given answer reads back", () => {
  const mcQ: QuizQuestion = {
    id: "m",
    cardId: 1,
    topic: "vocabulary",
    prompt: "?",
    explanation: "",
    source,
    type: "multiple-choice",
    answer: "B",
    options: ["A", "B", "C"],
  };
  const keyOf = (q: QuizQuestion) => presentQuestion(q, createRng(1)).key;

  it.each([
    ["multiple-choice", 2, true],
    ["multiple-choice", "B", true],
    ["multiple-choice", -1, false],
    ["multiple-choice", ["B"], false],
    ["true-false", true, true],
    ["true-false", "FALSE", true],
    ["true-false", 1, true],
    ["true-false", "yes", false],
    ["cloze", "text", true],
    ["cloze", 3, false],
    ["order", ["a", "b"], true],
    ["order", "a,b", false],
    ["match", { a: "1" }, true],
    ["match", [{ left: "a", right: "1" }], true],
    ["match", ["a"], false],
  ] as const)("%s accepts %j: %s", (type, answer, ok) => {
    expect(answerShapeError(type, answer) === null).toBe(ok);
  });

  it("describes option indexes as option text, true/false as True/False, match as term → definition", () => {
    const key = keyOf(mcQ);
    if (key.type !== "multiple-choice") throw new Error("mc");
    expect(describeAnswer(key, key.answerIndex)).toBe("B");
    expect(describeAnswer(key, "C")).toBe("C");
    expect(describeAnswer(keyOf({ ...mcQ, type: "true-false", answer: "true" }), 1)).toBe("False");
    expect(describeAnswer(keyOf({ ...mcQ, type: "true-false", answer: "true" }), true)).toBe("True");
    const m = keyOf({
      ...mcQ,
      type: "match",
      pairs: [
        { left: "a", right: "1" },
        { left: "b", right: "2" },
      ],
    });
    expect(describeAnswer(m, { a: "2" })).toEqual(["a → 2", "b → —"]);
    expect(gradeQuizAnswer(m, { a: "1", b: "2" }).correct).toBe(true);
  });
});
