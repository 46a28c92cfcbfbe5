import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { createRng, mulberry32, pick, randomInt, seedFromString, shuffle, toSeed } from "../../../lib/quiz";

describe("rng", () => {
  it("mulberry32 is deterministic and in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });

  it("seedFromString is stable, uint32, and spreads", () => {
    expect(seedFromString("abc")).toBe(seedFromString("abc"));
    expect(seedFromString("abc")).not.toBe(seedFromString("abd"));
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => seedFromString(`quiz-${i}`)));
    expect(seeds.size).toBe(1000);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });

  it("toSeed: uint32 identity, big ints, strings, non-integers", () => {
    expect(toSeed(7)).toBe(7);
    expect(toSeed(2 ** 32 - 1)).toBe(2 ** 32 - 1);
    expect(toSeed(2 ** 40)).not.toBe(toSeed(0));
    expect(toSeed("x")).toBe(seedFromString("x"));
    expect(toSeed(1.5)).toBe(seedFromString("1.5"));
    expect(toSeed(Number.NaN)).toBe(seedFromString("NaN"));
  });

  it("randomInt validates n", () => {
    const r = createRng(1);
    expect(() => randomInt(r, 0)).toThrow(RangeError);
    expect(() => randomInt(r, 1.5)).toThrow(RangeError);
    expect(randomInt(() => 0.9999999999999999, 3)).toBe(2);
  });

  it("shuffle returns a new permutation and does not mutate (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (arr, seed) => {
        const copy = arr.slice();
        const out = shuffle(arr, createRng(seed));
        expect(arr).toEqual(copy);
        expect(out).not.toBe(arr);
        expect(out.slice().sort((x, y) => x - y)).toEqual(copy.sort((x, y) => x - y));
        expect(shuffle(arr, createRng(seed))).toEqual(out);
      }),
    );
  });

  it("pick returns an element; throws on empty", () => {
    const r = createRng("p");
    for (let i = 0; i < 100; i++) expect(["a", "b", "c"]).toContain(pick(["a", "b", "c"], r));
    expect(() => pick([], r)).toThrow(RangeError);
  });

  it("shuffle of 3 items hits all 6 permutations roughly equally", () => {
    const counts = new Map<string, number>();
    const r = createRng(123);
    const N = 6000;
    for (let i = 0; i < N; i++) {
      const k = shuffle([0, 1, 2], r).join("");
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const chi2 = [...counts.values()].reduce((s, c) => s + (c - N / 6) ** 2 / (N / 6), 0);
    expect(chi2).toBeLessThan(20.52); // 5 dof, p = 0.001
  });
});
