// The workload simulator (lib/fsrs-fit/simulate.ts): learners whose memory follows
// the FSRS parameters must end up recalling the desired share of their due
// reviews; more retention must cost more; a seed fixes the result.
import { describe, expect, it } from "vitest";
import { computeDecayFactor, generatorParameters } from "ts-fsrs";
import { mulberry32 } from "../../../lib/generate/rng";
import { DEFAULT_COSTS, DEFAULT_RATINGS, simulate, sweepRetention, type SimulationInput } from "../../../lib/fsrs-fit/simulate";

const FITTED = [
  0.2077, 0.3717, 3.3516, 6.7903, 6.1449, 0.6223, 3.1141, 0.0101, 2.1144, 0, 1.0726, 1.2517, 0.0963, 0.1693, 1.3311, 0.1139, 2.1771, 1.0408, 0.3011, 0.103, 0.1,
];

const learner = (over: Partial<SimulationInput> = {}): SimulationInput => ({
  weights: null,
  desiredRetention: 0.9,
  days: 365,
  cards: [],
  newCards: 4000,
  newPerDay: 20,
  maximumInterval: 36500,
  costs: DEFAULT_COSTS,
  ratings: DEFAULT_RATINGS,
  seed: 1,
  ...over,
});

/**
 * An established learner: 20,000 cards already studied at `dr` (each due
 * when its interval at `dr` ends, part-way through it today), plus new cards.
 */
function established(weights: number[] | null, dr: number, seed: number): SimulationInput["cards"] {
  const { decay, factor } = computeDecayFactor(generatorParameters(weights ? { w: weights } : {}).w);
  const rnd = mulberry32(seed);
  return Array.from({ length: 20_000 }, () => {
    const stability = 3 + rnd() * 120;
    const interval = Math.max(1, Math.round((stability / factor) * (dr ** (1 / decay) - 1)));
    const elapsed = Math.floor(rnd() * interval);
    return { stability, difficulty: 2 + rnd() * 7, elapsed, dueIn: interval - elapsed };
  });
}

describe("simulate", () => {
  for (const weights of [null, FITTED]) {
    for (const desiredRetention of [0.7, 0.8, 0.9, 0.95, 0.97]) {
      it(`a learner whose memory follows the ${weights ? "fitted" : "default"} parameters recalls ${desiredRetention} of due reviews (± 1 point)`, () => {
        const r = simulate(learner({ weights, desiredRetention, cards: established(weights, desiredRetention, 2), newCards: 2000, newPerDay: 10, seed: 7 }));
        expect(r.reviews).toBeGreaterThan(15_000);
        expect(Math.abs(r.retention - desiredRetention)).toBeLessThanOrEqual(0.01);
      });
    }
  }

  it("a brand-new learner at 0.95 recalls a little less: young cards cannot wait less than a day", () => {
    // Relearned and young cards (stability under ~4 days) would need under a day at 0.95; a day is the least.
    const r = simulate(learner({ desiredRetention: 0.95, newCards: 8000, newPerDay: 30 }));
    expect(r.retention).toBeGreaterThan(0.93);
    expect(r.retention).toBeLessThan(0.95);
  });

  it("is deterministic for a seed and varies with it", () => {
    expect(simulate(learner({ seed: 3 }))).toEqual(simulate(learner({ seed: 3 })));
    expect(simulate(learner({ seed: 3 })).reviews).not.toBe(simulate(learner({ seed: 4 })).reviews);
  });

  it("reviews existing cards from their due dates and charges the learner's own costs", () => {
    const cards = Array.from({ length: 500 }, (_, i) => ({ stability: 10, difficulty: 5, elapsed: 10, dueIn: i % 2 }));
    const r = simulate(learner({ cards, newCards: 0, days: 2, costs: { learn: 0, review: [60, 60, 60, 60] } }));
    // Every card is due on day 0 or 1 and none again within two days; a lapse adds one same-day answer.
    expect(r.reviews).toBeGreaterThanOrEqual(500); // a card forgotten on day 0 comes back on day 1
    expect(r.reviews).toBeLessThan(550);
    expect(r.minutesPerDay).toBeGreaterThanOrEqual(250);
    expect(r.minutesPerDay).toBeLessThan(250 * 1.2);
  });
});

describe("sweepRetention", () => {
  it("costs more time for more retention and marks a cost-effective range that holds the most efficient point", () => {
    const s = sweepRetention(learner({ newCards: 1500, days: 200 }));
    expect(s.points.map((p) => p.desiredRetention)).toEqual(Array.from({ length: 28 }, (_, i) => Math.round(70 + i) / 100));
    const at = (r: number) => s.points.find((p) => p.desiredRetention === r)!;
    expect(at(0.97).minutesPerDay).toBeGreaterThan(at(0.9).minutesPerDay);
    expect(at(0.9).minutesPerDay).toBeGreaterThan(at(0.8).minutesPerDay);
    expect(at(0.97).knowledgeAtEnd).toBeGreaterThan(at(0.8).knowledgeAtEnd);
    expect(s.costEffective.from).toBeLessThanOrEqual(s.mostEfficient);
    expect(s.costEffective.to).toBeGreaterThanOrEqual(s.mostEfficient);
  });
});
