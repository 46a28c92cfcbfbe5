import { describe, it, expect } from "vitest";
import { buildQuiz, seedFromString } from "../../../lib/quiz";
import type { QuizQuestion } from "../../../lib/quiz";
import { mc } from "./fixtures";

// 3 degrees of freedom (4 positions), p = 0.001.
const CHI2_CRIT_3DOF_P001 = 16.27;

function chiSquare(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
}

// The answer is always authored FIRST, so an un-shuffled build would fail badly.
const pool: QuizQuestion[] = Array.from({ length: 12 }, (_, i) =>
  mc(`q${i}`, "vocabulary", `answer ${i}`, [`answer ${i}`, `wrong A${i}`, `wrong B${i}`, `wrong C${i}`]),
);

function answerPositions(seeds: readonly (number | string)[], firstOnly: boolean): number[] {
  const counts = [0, 0, 0, 0];
  for (const seed of seeds) {
    const quiz = buildQuiz({ pool, topic: "vocabulary", length: 5, seed });
    const qs = firstOnly ? quiz.questions.slice(0, 1) : quiz.questions;
    for (const q of qs) {
      const key = quiz.answerKey[q.id];
      if (key?.type !== "multiple-choice") throw new Error("expected MC");
      counts[key.answerIndex] = (counts[key.answerIndex] ?? 0) + 1;
    }
  }
  return counts;
}

describe("answer position uniformity (chi-square, 3 dof, p=0.001)", () => {
  it("sequential integer seeds, all questions", () => {
    const counts = answerPositions(
      Array.from({ length: 4000 }, (_, i) => i),
      false,
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(chiSquare(counts)).toBeLessThan(CHI2_CRIT_3DOF_P001);
  });

  it("sequential integer seeds, first question only (one draw per seed)", () => {
    const counts = answerPositions(
      Array.from({ length: 4000 }, (_, i) => i),
      true,
    );
    expect(chiSquare(counts)).toBeLessThan(CHI2_CRIT_3DOF_P001);
  });

  it("string seeds", () => {
    const counts = answerPositions(
      Array.from({ length: 3000 }, (_, i) => `user-7:quiz-${i}`),
      false,
    );
    expect(chiSquare(counts)).toBeLessThan(CHI2_CRIT_3DOF_P001);
  });

  it("hashed seeds, first question only", () => {
    const counts = answerPositions(
      Array.from({ length: 4000 }, (_, i) => seedFromString(`s${i}`) ^ i),
      true,
    );
    expect(chiSquare(counts)).toBeLessThan(CHI2_CRIT_3DOF_P001);
  });

  it("which question comes first is uniform too", () => {
    const counts = new Array<number>(pool.length).fill(0);
    for (let seed = 0; seed < 6000; seed++) {
      const first = buildQuiz({ pool, topic: "all", length: 5, seed }).questions[0];
      const idx = Number(first?.id.slice(1));
      counts[idx] = (counts[idx] ?? 0) + 1;
    }
    expect(chiSquare(counts)).toBeLessThan(31.26); // 11 dof, p = 0.001
  });
});
