import { describe, it, expect } from "vitest";
import { quizRating, RATING_THRESHOLDS, QUESTION_TYPES } from "../../../lib/quiz";
import type { QuestionType } from "../../../lib/quiz";

describe("quizRating", () => {
  it.each([
    // correct, durationMs, type, rating
    [false, 1_000, "multiple-choice", 1],
    [false, 100_000, "cloze", 1],
    [true, 2_000, "multiple-choice", 4],
    [true, 5_000, "multiple-choice", 4],
    [true, 5_001, "multiple-choice", 3],
    [true, 19_999, "multiple-choice", 3],
    [true, 20_000, "multiple-choice", 2],
    [true, 2_500, "true-false", 4],
    [true, 6_000, "true-false", 3],
    [true, 12_000, "true-false", 2],
    [true, 6_000, "cloze", 4],
    [true, 15_000, "cloze", 3],
    [true, 45_000, "cloze", 2],
    [true, 10_000, "order", 4],
    [true, 30_000, "order", 3],
    [true, 60_000, "order", 2],
    [true, 14_000, "match", 4],
    [true, 40_000, "match", 3],
    [true, 90_000, "match", 2],
    [true, Number.NaN, "cloze", 3],
    [true, -5, "order", 3],
    [true, Number.POSITIVE_INFINITY, "match", 3],
  ] as const)("correct=%s %ims %s → %i", (correct, durationMs, type, rating) => {
    expect(quizRating({ correct, durationMs, type })).toBe(rating);
  });

  it("typed/ordering questions get more time than clicking ones", () => {
    const t = (x: QuestionType) => RATING_THRESHOLDS[x];
    expect(t("true-false").slowMs).toBeLessThan(t("multiple-choice").slowMs);
    expect(t("multiple-choice").slowMs).toBeLessThan(t("cloze").slowMs);
    expect(t("cloze").slowMs).toBeLessThan(t("order").slowMs);
    for (const type of QUESTION_TYPES) expect(t(type).fastMs).toBeLessThan(t(type).slowMs);
  });
});
