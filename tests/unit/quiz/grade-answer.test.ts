import { describe, it, expect } from "vitest";
import { createRng, gradeQuizAnswer, presentQuestion } from "../../../lib/quiz";
import { cloze, match, mc, order, tf } from "./fixtures";

describe("gradeQuizAnswer", () => {
  const q = mc("m", "vocabulary", "RLAIF", ["RLHF", "RLAIF", "DPO", "PPO"]);

  it("multiple choice by text (normalised) or index", () => {
    expect(gradeQuizAnswer(q, "RLAIF")).toEqual({ correct: true, correctAnswer: "RLAIF" });
    expect(gradeQuizAnswer(q, "rl-aif").correct).toBe(true);
    expect(gradeQuizAnswer(q, 1).correct).toBe(true); // authored order
    expect(gradeQuizAnswer(q, "DPO")).toEqual({ correct: false, correctAnswer: "RLAIF" });
    expect(gradeQuizAnswer(q, 0).correct).toBe(false);
    expect(gradeQuizAnswer(q, 9).correct).toBe(false);
    expect(gradeQuizAnswer(q, -1).correct).toBe(false);
  });

  it("numeric answers index the presented order when grading a key", () => {
    for (let seed = 0; seed < 20; seed++) {
      const { presented, key } = presentQuestion(q, createRng(seed));
      if (presented.type !== "multiple-choice") throw new Error();
      const idx = presented.options.indexOf("RLAIF");
      expect(gradeQuizAnswer(key, idx).correct).toBe(true);
      expect(gradeQuizAnswer(key, (idx + 1) % 4).correct).toBe(false);
    }
  });

  it("true-false accepts booleans, strings, 0/1", () => {
    const t = tf("t", "takeaways", "true");
    expect(gradeQuizAnswer(t, true)).toEqual({ correct: true, correctAnswer: "True" });
    expect(gradeQuizAnswer(t, "True").correct).toBe(true);
    expect(gradeQuizAnswer(t, " TRUE ").correct).toBe(true);
    expect(gradeQuizAnswer(t, 0).correct).toBe(true);
    expect(gradeQuizAnswer(t, false).correct).toBe(false);
    expect(gradeQuizAnswer(t, "yes").correct).toBe(false);
    const f = tf("f", "takeaways", "false");
    expect(gradeQuizAnswer(f, "false")).toEqual({ correct: true, correctAnswer: "False" });
    expect(gradeQuizAnswer(f, 1).correct).toBe(true);
  });

  it("cloze via gradeTyped; close is wrong but reported", () => {
    const c = cloze("c", "vocabulary", "Sycophancy", ["sycophantic behaviour"]);
    expect(gradeQuizAnswer(c, "sycophnacy")).toEqual({ correct: true, correctAnswer: "Sycophancy", verdict: "correct" });
    expect(gradeQuizAnswer(c, "Sycphnacy")).toEqual({ correct: false, correctAnswer: "Sycophancy", verdict: "close" });
    expect(gradeQuizAnswer(c, "sycophantic behavior").verdict).toBe("correct");
    expect(gradeQuizAnswer(c, "flattery")).toMatchObject({ correct: false, verdict: "wrong" });
    expect(gradeQuizAnswer(c, "")).toMatchObject({ correct: false, verdict: "wrong" });
    expect(gradeQuizAnswer(c, 42)).toMatchObject({ correct: false, verdict: "wrong" });
  });

  it("order: exact sequence, positions counted", () => {
    const o = order("o", "pipeline", ["pretrain", "SFT", "reward model", "PPO"]);
    expect(gradeQuizAnswer(o, ["pretrain", "SFT", "reward model", "PPO"])).toEqual({
      correct: true,
      correctAnswer: ["pretrain", "SFT", "reward model", "PPO"],
      score: { right: 4, total: 4 },
    });
    expect(gradeQuizAnswer(o, ["pretrain", "sft", "Reward-Model", "ppo"]).correct).toBe(true);
    expect(gradeQuizAnswer(o, ["pretrain", "reward model", "SFT", "PPO"])).toMatchObject({
      correct: false,
      score: { right: 2, total: 4 },
    });
    expect(gradeQuizAnswer(o, ["pretrain", "SFT", "reward model"]).correct).toBe(false);
    expect(gradeQuizAnswer(o, ["pretrain", "SFT", "reward model", "PPO", "extra"]).correct).toBe(false);
    expect(gradeQuizAnswer(o, "pretrain").correct).toBe(false);
  });

  it("match: all pairs right, reports how many", () => {
    const m = match("x", "pipeline", [
      ["SFT", "imitate demonstrations"],
      ["RM", "score responses"],
      ["PPO", "optimise policy"],
    ]);
    const all = { SFT: "imitate demonstrations", RM: "score responses", PPO: "optimise policy" };
    expect(gradeQuizAnswer(m, all)).toEqual({
      correct: true,
      correctAnswer: ["SFT → imitate demonstrations", "RM → score responses", "PPO → optimise policy"],
      score: { right: 3, total: 3 },
    });
    expect(
      gradeQuizAnswer(m, [
        { left: "SFT", right: "imitate demonstrations" },
        { left: "RM", right: "optimise policy" },
        { left: "PPO", right: "score responses" },
      ]),
    ).toMatchObject({ correct: false, score: { right: 1, total: 3 } });
    expect(gradeQuizAnswer(m, { SFT: "imitate demonstrations" })).toMatchObject({
      correct: false,
      score: { right: 1, total: 3 },
    });
    expect(gradeQuizAnswer(m, null)).toMatchObject({ correct: false, score: { right: 0, total: 3 } });
  });
});
