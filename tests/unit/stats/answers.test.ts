// lib/stats/answers: true retention, activity and buttons from answer groups.
import { describe, expect, it } from "vitest";
import { buttonsByState, dailyActivity, dailyRetention, retentionOver } from "../../../lib/stats/answers";
import type { AnswerGroup, RepeatGroup } from "../../../lib/db/stats-answers";

const D = 20_000; // a study-day index (2024-10-04)
const g = (day: number, source: string, state: number, rating: number, count: number, mature = false, durationMs = 1000 * count): AnswerGroup => ({
  day,
  source,
  state,
  rating,
  mature,
  count,
  durationMs,
});

describe("true retention", () => {
  const groups = [
    g(D, "review", 2, 3, 4), // 4 scheduled passes
    g(D, "review", 2, 1, 1), // 1 fail
    g(D, "quiz", 2, 1, 5), // quiz answers: never
    g(D, "review", 3, 1, 2), // relearning steps: never
    g(D, "review", 1, 3, 2), // learning steps: never
    g(D - 1, "review", 2, 2, 2, true), // yesterday, mature, Hard = passed
  ];
  const repeats: RepeatGroup[] = [{ day: D, rating: 3, mature: false, count: 1 }]; // one of today's passes followed a quiz answer

  it("counts the first review-screen answer of the day to Review cards only", () => {
    expect(retentionOver(groups, repeats, D, D)).toEqual({
      young: { passed: 3, total: 4, rate: 0.75 },
      mature: { passed: 0, total: 0, rate: null },
      all: { passed: 3, total: 4, rate: 0.75 },
    });
    expect(retentionOver(groups, repeats, D - 1, D).all).toEqual({ passed: 5, total: 6, rate: 5 / 6 });
  });

  it("per day, with empty days as null", () => {
    expect(dailyRetention(groups, repeats, D - 2, D).map((d) => [d.passed, d.total, d.rate])).toEqual([
      [0, 0, null],
      [2, 2, 1],
      [3, 4, 0.75],
    ]);
  });
});

describe("activity and buttons", () => {
  it("counts every answer and its time per day, by source", () => {
    const a = dailyActivity([g(D, "review", 2, 3, 4, false, 8000), g(D, "quiz", 0, 1, 2, false, 3000)], D - 1, D);
    expect(a).toEqual([
      { day: "2024-10-03", review: 0, quiz: 0, answers: 0, timeMs: 0 },
      { day: "2024-10-04", review: 4, quiz: 2, answers: 6, timeMs: 11000 },
    ]);
  });

  it("sorts ratings by source and by the card's state before the answer", () => {
    const b = buttonsByState([g(D, "review", 0, 3, 2), g(D, "review", 3, 1, 1), g(D - 3, "quiz", 2, 4, 5), g(D, "other", 2, 4, 9)]);
    expect(b.review).toEqual({ new: [0, 0, 2, 0], learning: [0, 0, 0, 0], review: [0, 0, 0, 0], relearning: [1, 0, 0, 0] });
    expect(b.quiz.review).toEqual([0, 0, 0, 5]);
  });
});
