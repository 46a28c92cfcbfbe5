import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { normalizeAnswer } from "../../../lib/grade";
import { buildQuiz, createRng, presentQuestion, shuffle, validateQuestion, gradeQuizAnswer } from "../../../lib/quiz";
import type { QuizQuestion, TopicFilter } from "../../../lib/quiz";
import { cloze, match, mc, order, poolArb, tf } from "./fixtures";

const sorted = (xs: readonly string[]) => xs.slice().sort();
const topicArb = fc.constantFrom<TopicFilter>("vocabulary", "takeaways", "pipeline", "all");
const lengthArb = fc.constantFrom(5, 10, 20);

describe("buildQuiz — properties over many seeds", () => {
  it("length = min(N, pool), shortBy, no question twice, all from topic", () => {
    fc.assert(
      fc.property(poolArb, topicArb, lengthArb, fc.integer(), (pool, topic, length, seed) => {
        const inTopic = pool.filter((q) => topic === "all" || q.topic === topic);
        const quiz = buildQuiz({ pool, topic, length, seed });
        expect(quiz.rejected).toEqual([]);
        expect(quiz.questions.length).toBe(Math.min(length, inTopic.length));
        expect(quiz.shortBy).toBe(Math.max(0, length - inTopic.length));
        const ids = quiz.questions.map((q) => q.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(sorted(Object.keys(quiz.answerKey))).toEqual(sorted(ids));
        for (const q of quiz.questions) {
          if (topic !== "all") expect(q.topic).toBe(topic);
          expect(inTopic.some((o) => o.id === q.id)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("presented questions: options distinct, answer exactly once, permutations, nothing leaked", () => {
    fc.assert(
      fc.property(poolArb, fc.integer(), (pool, seed) => {
        const quiz = buildQuiz({ pool, topic: "all", length: 20, seed });
        const byId = new Map(pool.map((q) => [q.id, q]));
        for (const p of quiz.questions) {
          const q = byId.get(p.id) as QuizQuestion;
          const key = quiz.answerKey[p.id];
          expect(key?.type).toBe(p.type);
          expect(p).not.toHaveProperty("answer");
          expect(p).not.toHaveProperty("pairs");
          expect(p).not.toHaveProperty("explanation");
          expect(p).not.toHaveProperty("cardId");
          expect(p.prompt).toBe(q.prompt);
          if (p.type === "multiple-choice" && q.type === "multiple-choice" && key?.type === "multiple-choice") {
            const norm = p.options.map(normalizeAnswer);
            expect(new Set(norm).size).toBe(p.options.length);
            expect(norm.filter((o) => o === normalizeAnswer(q.answer)).length).toBe(1);
            expect(sorted(p.options)).toEqual(sorted(q.options));
            expect(p.options[key.answerIndex]).toBe(q.answer);
            expect(gradeQuizAnswer(key, key.answerIndex).correct).toBe(true);
          }
          if (p.type === "true-false") expect(p.options).toEqual(["True", "False"]);
          if (p.type === "order" && q.type === "order") {
            expect(sorted(p.items)).toEqual(sorted(q.items));
            expect(p.items).not.toEqual(q.items); // never already solved
            expect(gradeQuizAnswer(key!, q.items).correct).toBe(true);
            expect(gradeQuizAnswer(key!, p.items).correct).toBe(false);
          }
          if (p.type === "match" && q.type === "match") {
            expect(p.left).toEqual(q.pairs.map((x) => x.left));
            expect(sorted(p.right)).toEqual(sorted(q.pairs.map((x) => x.right)));
            expect(p.right).not.toEqual(q.pairs.map((x) => x.right));
            expect(gradeQuizAnswer(key!, q.pairs).correct).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic per seed and independent of pool order", () => {
    fc.assert(
      fc.property(poolArb, fc.integer(), fc.integer(), (pool, seed, seed2) => {
        const a = buildQuiz({ pool, topic: "all", length: 10, seed });
        const b = buildQuiz({ pool: shuffle(pool, createRng(seed2)), topic: "all", length: 10, seed });
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it("string seeds work and differ", () => {
    const pool = Array.from({ length: 30 }, (_, i) => tf(`t${i}`, "takeaways", i % 2 ? "true" : "false"));
    const a = buildQuiz({ pool, topic: "takeaways", length: 10, seed: "session-a" });
    const b = buildQuiz({ pool, topic: "takeaways", length: 10, seed: "session-b" });
    expect(a).toEqual(buildQuiz({ pool, topic: "takeaways", length: 10, seed: "session-a" }));
    expect(a.questions.map((q) => q.id)).not.toEqual(b.questions.map((q) => q.id));
  });
});

describe("buildQuiz — shortBy", () => {
  const pool: QuizQuestion[] = [
    mc("v1", "vocabulary", "RLHF", ["RLHF", "RLAIF", "DPO"]),
    cloze("v2", "vocabulary", "Sycophancy"),
    tf("v3", "vocabulary", "true"),
    mc("bad", "vocabulary", "PPO", ["RLHF", "DPO"]), // rejected: answer missing
    tf("p1", "pipeline", "false"),
    order("p2", "pipeline", ["pretrain", "SFT", "RM", "PPO"]),
  ];

  it("returns everything the topic has and reports how many are missing", () => {
    const quiz = buildQuiz({ pool, topic: "vocabulary", length: 5, seed: 1 });
    expect(quiz.questions.map((q) => q.id).sort()).toEqual(["v1", "v2", "v3"]);
    expect(quiz.shortBy).toBe(2);
    expect(quiz.rejected.map((r) => r.id)).toEqual(["bad"]);
  });

  it("shortBy is 0 when there are enough", () => {
    const quiz = buildQuiz({ pool, topic: "pipeline", length: 5, seed: 1 });
    expect(quiz.shortBy).toBe(3);
    const big = Array.from({ length: 25 }, (_, i) => tf(`x${i}`, "pipeline", "true"));
    const q2 = buildQuiz({ pool: big, topic: "all", length: 20, seed: 9 });
    expect(q2.questions).toHaveLength(20);
    expect(q2.shortBy).toBe(0);
  });

  it("empty topic → no questions, shortBy = length", () => {
    const quiz = buildQuiz({ pool, topic: "takeaways", length: 10, seed: 1 });
    expect(quiz.questions).toEqual([]);
    expect(quiz.shortBy).toBe(10);
  });

  it("rejects invalid length / topic", () => {
    expect(() => buildQuiz({ pool, topic: "all", length: 0, seed: 1 })).toThrow(RangeError);
    expect(() => buildQuiz({ pool, topic: "nope" as TopicFilter, length: 5, seed: 1 })).toThrow(RangeError);
  });
});

describe("validation / rejection", () => {
  it.each([
    [mc("d1", "vocabulary", "RLAIF", ["RLAIF", "RL-AIF", "RLHF"]), /duplicate options/],
    [mc("d2", "vocabulary", "RLHF", ["rlhf", "DPO", "RLHF "]), /duplicate options/],
    [mc("m1", "vocabulary", "PPO", ["RLHF", "DPO"]), /missing from options/],
    [mc("m2", "vocabulary", "", ["RLHF", "DPO"]), /missing answer/],
    [mc("o1", "vocabulary", "RLHF", ["RLHF"]), /at least 2/],
    [mc("o2", "vocabulary", "RLHF", ["RLHF", "—"]), /no letters or digits/],
    [{ ...tf("t1", "takeaways", "true"), answer: "yes" } as unknown as QuizQuestion, /"true" or "false"/],
    [{ ...cloze("c1", "vocabulary", "x"), prompt: "No blank here" }, /no blank/],
    [cloze("c2", "vocabulary", "..."), /missing answer/],
    [order("r1", "pipeline", ["SFT", "sft", "RM"]), /duplicate items/],
    [order("r2", "pipeline", ["SFT"]), /at least 2/],
    [match("x1", "pipeline", [["a", "1"]]), /at least 2/],
    [
      match("x2", "pipeline", [
        ["a", "1"],
        ["b", "1"],
      ]),
      /duplicate right/,
    ],
    [
      match("x3", "pipeline", [
        ["a", "1"],
        ["A", "2"],
      ]),
      /duplicate left/,
    ],
    [{ ...tf("t2", "takeaways", "true"), topic: "misc" } as unknown as QuizQuestion, /unknown topic/],
    [{ ...tf("t3", "takeaways", "true"), prompt: "  " }, /missing prompt/],
  ])("%#: rejects with a reason", (q, reason) => {
    expect(validateQuestion(q)).toMatch(reason);
    const quiz = buildQuiz({ pool: [q], topic: "all", length: 5, seed: 3 });
    expect(quiz.questions).toEqual([]);
    expect(quiz.rejected).toEqual([{ id: q.id, reason: expect.stringMatching(reason) }]);
    expect(quiz.shortBy).toBe(5);
  });

  it("accepts good questions", () => {
    for (const q of [
      mc("g1", "vocabulary", "RLHF", ["RLHF", "RLAIF"]),
      tf("g2", "takeaways", "false"),
      cloze("g3", "vocabulary", "Sycophancy", ["sycophantic behaviour"]),
      order("g4", "pipeline", ["a", "b"]),
      match("g5", "pipeline", [
        ["a", "1"],
        ["b", "2"],
      ]),
    ])
      expect(validateQuestion(q)).toBeNull();
  });

  it("rejects duplicate ids (keeps the first)", () => {
    const quiz = buildQuiz({
      pool: [tf("same", "takeaways", "true"), tf("same", "takeaways", "false")],
      topic: "all",
      length: 5,
      seed: 1,
    });
    expect(quiz.questions).toHaveLength(1);
    expect(quiz.rejected).toEqual([{ id: "same", reason: "duplicate id" }]);
  });
});

describe("presentQuestion", () => {
  it("2-item order questions are always presented reversed", () => {
    for (let seed = 0; seed < 200; seed++) {
      const { presented } = presentQuestion(order("o", "pipeline", ["first", "second"]), createRng(seed));
      expect(presented.type === "order" && presented.items).toEqual(["second", "first"]);
    }
  });

  it("key keeps explanation/source/cardId for feedback", () => {
    const q = { ...mc("k", "vocabulary", "RLHF", ["RLHF", "DPO"]), cardId: 12 };
    const { key } = presentQuestion(q, createRng(0));
    expect(key).toMatchObject({ id: "k", cardId: 12, explanation: q.explanation, source: q.source, answer: "RLHF" });
  });
});
