import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { diffTyped } from "../../../lib/grade";
import type { DiffSegment } from "../../../lib/grade";

const typedOf = (d: DiffSegment[]) =>
  d
    .filter((s) => s.op !== "insert")
    .map((s) => s.text)
    .join("");
const expectedOf = (d: DiffSegment[]) =>
  d
    .filter((s) => s.op !== "delete")
    .map((s) => s.text)
    .join("");

describe("diffTyped", () => {
  it("identical strings are one equal segment", () => {
    expect(diffTyped("RLHF", "RLHF")).toEqual([{ op: "equal", text: "RLHF" }]);
  });

  it("empty cases", () => {
    expect(diffTyped("", "")).toEqual([]);
    expect(diffTyped("", "abc")).toEqual([{ op: "insert", text: "abc" }]);
    expect(diffTyped("abc", "")).toEqual([{ op: "delete", text: "abc" }]);
  });

  it("shows a missing letter as insert", () => {
    expect(diffTyped("Hallucinaton", "Hallucination")).toEqual([
      { op: "equal", text: "Hallucinat" },
      { op: "insert", text: "i" },
      { op: "equal", text: "on" },
    ]);
  });

  it("shows an extra letter as delete", () => {
    expect(diffTyped("Halllucination", "Hallucination")).toEqual([
      { op: "equal", text: "Hall" },
      { op: "delete", text: "l" },
      { op: "equal", text: "ucination" },
    ]);
  });

  it("shows a substitution as delete then insert", () => {
    expect(diffTyped("cat", "cot")).toEqual([
      { op: "equal", text: "c" },
      { op: "delete", text: "a" },
      { op: "insert", text: "o" },
      { op: "equal", text: "t" },
    ]);
  });

  it("never splits grapheme clusters", () => {
    const d = diffTyped("a👍🏽b", "a👍b");
    expect(typedOf(d)).toBe("a👍🏽b");
    expect(expectedOf(d)).toBe("a👍b");
    for (const s of d) expect(s.text.isWellFormed()).toBe(true);
  });

  it("adjacent segments never share an op and none is empty", () => {
    const d = diffTyped("Sycophnacy", "Sycophancy");
    for (let i = 0; i < d.length; i++) {
      expect(d[i]?.text).not.toBe("");
      if (i > 0) expect(d[i]?.op).not.toBe(d[i - 1]?.op);
    }
  });

  it("handles long inputs (fallback path) and still reconstructs", () => {
    const a = "x".repeat(600) + "ab".repeat(300);
    const b = "y".repeat(700) + "ba".repeat(250);
    const d = diffTyped(a, b);
    expect(typedOf(d)).toBe(a);
    expect(expectedOf(d)).toBe(b);
  });

  it("segments reconstruct both strings (property)", () => {
    for (const unit of ["grapheme-ascii", "grapheme", "binary"] as const) {
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 30 }), fc.string({ unit, maxLength: 30 }), (a, b) => {
          const d = diffTyped(a, b);
          expect(typedOf(d)).toBe(a.normalize("NFC"));
          expect(expectedOf(d)).toBe(b.normalize("NFC"));
          expect(d.every((s) => s.text.length > 0)).toBe(true);
        }),
        { numRuns: 300 },
      );
    }
  });

  it("equal part is a longest common subsequence (property, small alphabet)", () => {
    const lcsLen = (a: string[], b: string[]): number => {
      const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          const row = dp[i]!;
          row[j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, row[j - 1]!);
        }
      return dp[a.length]![b.length]!;
    };
    const arb = fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 12 });
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const eq = diffTyped(a, b)
          .filter((s) => s.op === "equal")
          .map((s) => s.text)
          .join("");
        expect(eq.length).toBe(lcsLen([...a], [...b]));
      }),
      { numRuns: 500 },
    );
  });
});
