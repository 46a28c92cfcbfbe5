import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { damerauLevenshtein, gradeTyped, normalizeAnswer, suggestRating, codePoints } from "../../../lib/grade";

describe("normalizeAnswer", () => {
  it.each([
    ["RLAIF", "rlaif"],
    ["rl aif", "rlaif"],
    ["RL-AIF", "rlaif"],
    ["R.L.A.I.F.!", "rlaif"],
    ["  Reward   model ", "rewardmodel"],
    ["Café", "cafe"],
    ["cafe\u0301", "cafe"], // decomposed accent
    ["ＲＬＨＦ", "rlhf"], // full-width
    ["Straße", "strasse"],
    ["Ørsted", "orsted"],
    ["naïve—résumé", "naiveresume"],
    ["ﬁne-tuning", "finetuning"],
    ["😀 PPO 🎉", "ppo"],
  ])("%j → %j", (input, out) => {
    expect(normalizeAnswer(input)).toBe(out);
  });

  it("keeps non-Latin scripts intact (no over-eager mark stripping)", () => {
    expect(normalizeAnswer("हिंदी")).toBe("हिंदी");
    expect(normalizeAnswer("が")).toBe("が");
    expect(normalizeAnswer("한국어")).toBe("한국어");
    expect(normalizeAnswer("Ἀλήθεια")).toBe("αληθεια");
  });

  it("is idempotent and never throws (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const n = normalizeAnswer(s);
        expect(normalizeAnswer(n)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });
});

describe("damerauLevenshtein", () => {
  const dl = (a: string, b: string) => damerauLevenshtein(codePoints(a), codePoints(b));
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["", "ab", 2],
    ["sycophancy", "sycophnacy", 1],
    ["hallucination", "hallucinaton", 1],
    ["rlhf", "rhlf", 1],
    ["kitten", "sitting", 3],
    ["ca", "abc", 2], // unrestricted DL (OSA would give 3)
    ["😀a", "a😀", 1], // astral code points are single symbols
  ])("d(%j, %j) = %i", (a, b, d) => {
    expect(dl(a, b)).toBe(d);
    expect(dl(b, a)).toBe(d);
  });

  it("is a metric-ish: 0 iff equal, bounded by max length (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = dl(a, b);
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(codePoints(a).length, codePoints(b).length));
        expect(d).toBeGreaterThanOrEqual(Math.abs(codePoints(a).length - codePoints(b).length));
        expect(dl(b, a)).toBe(d);
      }),
      { numRuns: 300 },
    );
  });
});

describe("gradeTyped — grading table", () => {
  it.each([
    // typed, expected, verdict, distance
    ["RLAIF", "RL-AIF", "correct", 0],
    ["rl aif", "RLAIF", "correct", 0],
    ["rlhf", "RLHF", "correct", 0],
    ["Sycophancy!", "sycophancy", "correct", 0],
    ["sycophancy", "Sycophancy", "correct", 0],
    ["Sycophnacy", "Sycophancy", "correct", 1], // transposition = 1 typo, long answer
    ["Hallucinaton", "Hallucination", "correct", 1], // one deletion
    ["Halllucination", "Hallucination", "correct", 1], // one insertion
    ["Hallucinetion", "Hallucination", "correct", 1], // one substitution
    ["RHLF", "RLHF", "close", 1], // short (4 chars): never forgiven, but reported close
    ["DPO", "PPO", "close", 1], // different concept at distance 1 — must not be correct
    ["KD", "KL", "wrong", 1], // 2 chars: one edit is half the word
    ["Halucinaton", "Hallucination", "close", 2], // two typos on a ≥8-char answer
    ["Sycphnacy", "Sycophancy", "close", 2],
    ["Sicofancy", "Sycophancy", "wrong", 3],
    ["PPOO", "PPOX", "close", 1],
    ["Konstitution", "Kontitutio", "close", 2], // 10 chars, d=2
    ["reward model", "reward modeling", "correct", 3], // inflection (stemmer): model ≡ modeling
    ["constitutional AI method", "Constitutional AI", "close", 6], // answer contained in typed, 16/22
    ["reward", "reward modeling", "close", 8], // half the words: Close, the learner decides
    ["", "RLHF", "wrong", 4],
    ["   ", "Sycophancy", "wrong", 10],
    ["?!", "RLHF", "wrong", 4],
    ["Proximal policy optimization", "Sycophancy", "wrong", null],
    ["banana", "RLHF", "wrong", null],
  ] as const)("%j vs %j → %s", (typed, expected, verdict, distance) => {
    const g = gradeTyped(typed, expected);
    expect(g.verdict).toBe(verdict);
    if (distance !== null) expect(g.distance).toBe(distance);
    expect(g.expected).toBe(expected);
    expect(g.typedNormalized).toBe(normalizeAnswer(typed));
  });

  it("short answers (< 5 chars) must be exact to be correct", () => {
    for (const [typed, expected] of [
      ["RHLF", "RLHF"],
      ["SFR", "SFT"],
      ["RLAF", "RLAIF".slice(0, 4)],
    ] as const) {
      expect(gradeTyped(typed, expected).verdict).not.toBe("correct");
    }
    // 5 normalised chars in one word: one typo is forgiven; a compound's short parts are not
    expect(gradeTyped("RLIAF", "RLAIF").verdict).toBe("correct");
    expect(gradeTyped("RL-IAF", "RL-AIF").verdict).toBe("close");
  });

  it("uses alternatives and reports the best match", () => {
    const g = gradeTyped("Proximal Policy Optimisation", "PPO", ["Proximal Policy Optimization"]);
    expect(g.verdict).toBe("correct");
    expect(g.distance).toBe(1);
    expect(g.matched).toBe("Proximal Policy Optimization");
    expect(g.expected).toBe("PPO");
    expect(gradeTyped("ppo", "PPO", ["Proximal Policy Optimization"]).distance).toBe(0);
    expect(gradeTyped("xyz", "PPO", ["Proximal Policy Optimization"]).verdict).toBe("wrong");
  });

  it("degenerate answers without letters need the raw text", () => {
    expect(gradeTyped("?", "?").verdict).toBe("wrong"); // empty normalised input is always wrong
  });

  it("exact normalised equality is always correct; empty input never is (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const g = gradeTyped(a, b);
        if (normalizeAnswer(a) === "") expect(g.verdict).toBe("wrong");
        else if (normalizeAnswer(a) === normalizeAnswer(b)) expect(g.verdict).toBe("correct");
      }),
      { numRuns: 500 },
    );
  });
});

describe("suggestRating", () => {
  it.each([
    ["correct", 3],
    ["close", null],
    ["wrong", 1],
  ] as const)("%s → %s", (v, r) => {
    expect(suggestRating(v)).toBe(r);
  });
});
