// The statistics' two passes hand rows to these tallies in whatever order
// SQLite scans them; the figures must not depend on that order.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_SETTINGS, recallCurve } from "../../../lib/srs";
import { AnswerTally } from "../../../lib/stats/answer-tally";
import { CardTally, type CardTallyContext } from "../../../lib/stats/card-tally";
import { STABILITY_EDGES } from "../../../lib/stats/buckets";

const DAY = 86_400_000;
const dayIndex = (t: number) => Math.floor(t / DAY); // UTC, day starts at midnight

type Answer = Parameters<AnswerTally["add"]>;
const tallyAnswers = (answers: readonly Answer[]) => {
  const t = new AnswerTally({ dayIndex, matureDays: 21, firstDay: 100 });
  for (const a of answers) t.add(...a);
  const sort = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
  return { groups: sort(t.answerGroups()), repeats: sort(t.repeatGroups()) };
};

describe("AnswerTally", () => {
  it("a review after a same-day quiz answer is a repeat; the first review of the next day is not", () => {
    const at = (d: number, h: number) => (100 + d) * DAY + h * 3_600_000;
    const t = new AnswerTally({ dayIndex, matureDays: 21, firstDay: 100 });
    t.add(at(0, 8), 1, 7, 2, 3, "quiz", 30, 1000);
    t.add(at(0, 9), 2, 7, 2, 3, "review", 30, 1000);
    t.add(at(1, 9), 3, 7, 2, 1, "review", 30, 1000);
    expect(t.repeatGroups()).toEqual([{ day: 100, rating: 3, mature: true, count: 1 }]);
  });

  it("at the same instant, the lower id is the day's first answer", () => {
    const t = new AnswerTally({ dayIndex, matureDays: 21, firstDay: 100 });
    t.add(100 * DAY, 9, 7, 2, 1, "review", 3, 1000);
    t.add(100 * DAY, 4, 7, 2, 4, "review", 3, 1000);
    expect(t.repeatGroups()).toEqual([{ day: 100, rating: 1, mature: false, count: 1 }]);
  });

  it("does not depend on the order of the answers", () => {
    const answer = fc.tuple(
      fc.integer({ min: 100 * DAY, max: 104 * DAY }), // reviewedAt, many on the same day
      fc.integer({ min: 1, max: 30 }), // card
      fc.integer({ min: 0, max: 3 }), // state
      fc.integer({ min: 1, max: 4 }), // rating
      fc.constantFrom("review", "quiz"),
      fc.integer({ min: 0, max: 40 }), // scheduled_days
    );
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 60 }), fc.integer(), (rows, seed) => {
        const answers: Answer[] = rows.map(([at, card, state, rating, source, sched], i) => [at, i + 1, card, state, rating, source, sched, 1000]);
        const shuffled = [...answers].sort((a, b) => ((a[1] * 2654435761 + seed) % 97) - ((b[1] * 2654435761 + seed) % 97));
        expect(tallyAnswers(shuffled)).toEqual(tallyAnswers(answers));
      }),
    );
  });
});

type Card = Parameters<CardTally["add"]>;
const NOW = 200 * DAY + 12 * 3_600_000;
const context = (): CardTallyContext => ({
  now: NOW,
  today: 200,
  todayStart: 200 * DAY,
  dayIndex,
  curveOf: () => recallCurve(DEFAULT_SETTINGS),
  masteryThreshold: 0.9,
  masteryHorizonDays: 30,
  stabilityEdges: STABILITY_EDGES,
  weakKinds: ["term"],
  weakCandidates: 4,
});
const card = (noteId: number, key: string, kind: string, stability: number, lastDay: number): Card => [
  1,
  "vocabulary",
  "term",
  noteId,
  key,
  kind,
  2,
  0,
  0,
  NOW + DAY,
  null,
  stability,
  5,
  lastDay * DAY,
  3,
];

describe("CardTally", () => {
  it("weakest first: lowest recall, then note key, then card kind, keeping only the first few", () => {
    const t = new CardTally(context());
    for (const c of [
      card(1, "b", "recall", 5, 190),
      card(2, "a", "typed", 5, 190),
      card(2, "a", "recall", 5, 190),
      card(3, "c", "recall", 1, 190),
      card(4, "d", "recall", 50, 190),
    ]) {
      t.add(...c);
    }
    expect(t.result().weakest.map((w) => [w.noteKey, w.cardKind])).toEqual([
      ["c", "recall"],
      ["a", "recall"],
      ["a", "typed"],
      ["b", "recall"],
    ]);
  });

  it("figures do not depend on the order of the cards", () => {
    const arb = fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.double({ min: 0.1, max: 400, noNaN: true }), fc.integer({ min: 100, max: 200 })), {
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(arb, (rows) => {
        const cards = rows.map(([note, s, last]) => card(note, `k${note}`, "recall", s, last));
        const run = (cs: Card[]) => {
          const t = new CardTally(context());
          for (const c of cs) t.add(...c);
          return t.result();
        };
        const a = run(cards);
        const b = run([...cards].reverse());
        expect(b.known).toBe(a.known);
        expect(b.byDeck).toEqual(a.byDeck);
        expect(b.retrievability).toEqual(a.retrievability);
        expect(b.weakest).toEqual(a.weakest);
      }),
    );
  });
});
