// The statistics evaluate the forgetting curve per card with lib/srs's
// recallCurve (the function the card pass, lib/stats/card-tally.ts, and the
// weakest-first list call); it must give lib/srs's retrievability (ts-fsrs)
// exactly, for the global weights and for a deck preset's.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS, recallCurve, retrievability, type Settings } from "../../../lib/srs";

const NOW = new Date("2026-06-15T10:00:00Z");
const DAY = 86_400_000;
const W21 = [
  0.2172, 1.1771, 3.2602, 16.1507, 7.0114, 0.57, 2.0966, 0.0069, 1.5261, 0.112, 1.0178, 1.849, 0.1133, 0.3127, 2.2934, 0.2191, 3.0004, 0.7536, 0.3332, 0.1437,
  0.2,
];
const W19 = W21.slice(0, 19);
const W17 = [0.4072, 1.1829, 3.1262, 15.4722, 7.2102, 0.5316, 1.0651, 0.0234, 1.616, 0.1544, 1.0824, 1.9813, 0.0953, 0.2975, 2.2042, 0.2407, 2.9466];

function card(stability: number, elapsedDays: number) {
  return {
    state: 2,
    stability,
    difficulty: 5,
    due: NOW,
    elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: 0,
    reps: 3,
    lapses: 0,
    last_review: new Date(NOW.getTime() - elapsedDays * DAY),
  };
}

describe("recallCurve", () => {
  // ts-fsrs logs "auto fill w from 17 to 21 length" on every 17/19-weight scheduler.
  beforeAll(() => void vi.spyOn(console, "debug").mockImplementation(() => {}));
  const cases: [string, number[] | null][] = [
    ["default", null],
    ["21 weights", W21],
    ["19 weights", W19],
    ["17 weights", W17],
    ["w20 clamped", [...W21.slice(0, 20), 0.01]],
  ];
  for (const [name, weights] of cases) {
    it(`equals lib/srs retrievability (${name})`, () => {
      const settings: Settings = { ...DEFAULT_SETTINGS, weights };
      const { recall } = recallCurve(settings);
      for (const S of [0.1, 0.5, 1, 2.5, 3, 10, 47.3, 365, 3650]) {
        for (const t of [0, 1, 2, 3, 7, 10, 30, 100, 1000]) {
          expect(recall(t, S)).toBe(retrievability(card(S, t), settings, NOW));
        }
      }
    });
  }

  it("at t = S the curve gives exactly 0.9 (mastery threshold); at t = 0, 1", () => {
    const { recall } = recallCurve(DEFAULT_SETTINGS);
    for (const S of [1, 3, 5, 20, 123]) expect(recall(S, S)).toBe(0.9);
    expect(recall(0, 10)).toBe(1);
  });

  it("a deck preset's weights give a different curve than the defaults", () => {
    const own = recallCurve({ weights: W21 }).recall(30, 10);
    expect(own).toBe(retrievability(card(10, 30), { ...DEFAULT_SETTINGS, weights: W21 }, NOW));
    expect(own).not.toBe(recallCurve(DEFAULT_SETTINGS).recall(30, 10));
  });
});
