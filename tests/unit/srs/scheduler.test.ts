import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  LEECH_LAPSES,
  applyRating,
  becameLeech,
  checkSteps,
  createScheduler,
  isLeech,
  newCardFields,
  parseSteps,
  previewIntervals,
  retrievability,
} from "../../../lib/srs/scheduler";
import { DEFAULT_SETTINGS, type FsrsFields, type Rating, type Settings } from "../../../lib/srs/types";

const settings: Settings = { ...DEFAULT_SETTINGS, timezone: "Europe/Berlin", enableFuzz: false };
const T0 = new Date("2026-01-10T10:00:00Z");
const MIN = 60_000;
const DAY = 86_400_000;

function answer(card: FsrsFields, rating: Rating, at: Date, s: Settings = settings): FsrsFields {
  return applyRating({ ...card, id: 1 }, rating, s, at).card;
}

/** A card that graduated to Review on T0 (+ steps), then waited `days`. */
function reviewCard(s: Settings = settings) {
  let c = newCardFields(T0);
  c = answer(c, 3, T0, s);
  c = answer(c, 3, new Date(c.due), s);
  expect(c.state).toBe(2);
  return c;
}

describe("steps", () => {
  test("parses Anki-style step strings into ts-fsrs units", () => {
    expect(parseSteps("1m 10m")).toEqual(["1m", "10m"]);
    expect(parseSteps(" 10m, 1H  1d ")).toEqual(["10m", "1h", "1d"]);
    expect(parseSteps("")).toEqual([]);
  });

  test.each(["1.5m", "30s", "0m", "m", "10", "-1m", "10m 1d 3d", "1d 10m"])("rejects %j", (text) => {
    expect(() => parseSteps(text)).toThrow();
    expect(checkSteps(text)).toMatch(/step/i);
  });

  test("checkSteps is null for valid input", () => {
    expect(checkSteps("1m 10m")).toBeNull();
  });

  test("createScheduler validates settings", () => {
    expect(() => createScheduler({ ...settings, desiredRetention: 0.5 })).toThrow(RangeError);
    expect(() => createScheduler({ ...settings, desiredRetention: 1 })).toThrow(RangeError);
    expect(() => createScheduler({ ...settings, maximumInterval: 0 })).toThrow(RangeError);
    expect(() => createScheduler({ ...settings, weights: [1, 2, 3] })).toThrow();
    expect(() => createScheduler({ ...settings, learningSteps: "5x" })).toThrow();
    expect(() => createScheduler(settings)).not.toThrow();
  });
});

describe("previewIntervals", () => {
  test("new card with steps '1m 10m': Again 1m, Hard 6m, Good 10m, Easy in days", () => {
    const p = previewIntervals(newCardFields(T0), settings, T0);
    expect(p.map((x) => x.rating)).toEqual([1, 2, 3, 4]);
    expect(p.map((x) => x.interval).slice(0, 3)).toEqual(["1m", "6m", "10m"]);
    expect(p[3]?.interval).toMatch(/^\d+d$/);
    expect(p[2]?.due.getTime()).toBe(T0.getTime() + 10 * MIN);
  });

  test("learning card on its last step: Good graduates to days", () => {
    const c = answer(newCardFields(T0), 3, T0);
    const at = new Date(T0.getTime() + 10 * MIN);
    const p = previewIntervals(c, settings, at);
    expect(p[0]?.interval).toBe("1m");
    // ts-fsrs: Hard is always the mean of the first two steps, whatever the step
    expect(p[1]?.interval).toBe("6m");
    expect(p[2]?.interval).toMatch(/^\d+d$/);
  });

  test("review card: Again ≤ Hard ≤ Good ≤ Easy, Again = relearning step", () => {
    for (const enableFuzz of [false, true]) {
      const s = { ...settings, enableFuzz };
      let c = reviewCard(s);
      for (let i = 0; i < 6; i += 1) {
        const at = new Date(c.due);
        const p = previewIntervals(c, s, at);
        const dues = p.map((x) => x.due.getTime());
        for (let k = 1; k < 4; k += 1) expect(dues[k]).toBeGreaterThanOrEqual(dues[k - 1] ?? Infinity);
        expect(p[0]?.interval).toBe("10m");
        c = answer(c, 3, at, s);
      }
      expect(c.scheduled_days).toBeGreaterThan(30);
    }
  });

  test("with fuzz on, the preview is what the answer gets, even seconds later", () => {
    const s = { ...settings, enableFuzz: true };
    let c = reviewCard(s);
    c = answer(c, 3, new Date(c.due), s);
    const at = new Date(c.due);
    const later = new Date(at.getTime() + 7_000);
    const p = previewIntervals({ ...c, id: 42 }, s, at);
    for (const rating of [2, 3, 4] as const) {
      const next = applyRating({ ...c, id: 42 }, rating, s, later).card;
      expect(next.due.getTime() - later.getTime()).toBe((p[rating - 1]?.due.getTime() ?? 0) - at.getTime());
    }
  });

  test("maximumInterval caps every button (ts-fsrs alone would give Good/Easy +1/+2 days)", () => {
    const s = { ...settings, maximumInterval: 3 };
    let c = reviewCard(s);
    c = answer(c, 4, new Date(c.due), s);
    const at = new Date(c.due);
    const p = previewIntervals(c, s, at);
    expect(p.map((x) => x.interval).slice(1)).toEqual(["3d", "3d", "3d"]);
    const next = applyRating(c, 4, s, at).card;
    expect(next.scheduled_days).toBe(3);
    expect(next.due.getTime() - at.getTime()).toBe(3 * DAY);
  });
});

describe("applyRating", () => {
  test("new card Good → Learning, due in 10 minutes; log records the state before", () => {
    const { card, log } = applyRating(newCardFields(T0), 3, settings, T0);
    expect(card.state).toBe(1);
    expect(card.learning_steps).toBe(1);
    expect(card.due.toISOString()).toBe("2026-01-10T10:10:00.000Z");
    expect(card.last_review?.toISOString()).toBe(T0.toISOString());
    expect(card.reps).toBe(1);
    expect(log).toMatchObject({ rating: 3, state: 0, review: T0, elapsed_days: 0 });
  });

  test("a '1d' step moves the card straight to Review (ts-fsrs behaviour)", () => {
    const s = { ...settings, learningSteps: "10m 1d" };
    const c1 = answer(newCardFields(T0), 3, T0, s);
    expect(c1.state).toBe(2);
    expect(c1.scheduled_days).toBe(1);
    expect(c1.due.getTime() - T0.getTime()).toBe(DAY);
    const c2 = answer(c1, 3, c1.due, s);
    expect(c2.state).toBe(2);
    expect(c2.scheduled_days).toBeGreaterThan(1);
  });

  test("review Again → Relearning with a lapse; leech after 8 lapses", () => {
    let c = reviewCard();
    let at = new Date(c.due);
    for (let lapse = 1; lapse <= LEECH_LAPSES; lapse += 1) {
      const before = c;
      const next = applyRating({ ...c, id: 9 }, 1, settings, at).card;
      expect(next.state).toBe(3);
      expect(next.lapses).toBe(lapse);
      expect(isLeech(next)).toBe(lapse >= 8);
      expect(becameLeech(before, next)).toBe(lapse === 8);
      // relearn, then wait until due again
      c = answer(next, 3, next.due);
      expect(c.state).toBe(2);
      at = new Date(c.due);
    }
    expect(isLeech({ lapses: 7 })).toBe(false);
    expect(isLeech({ lapses: 8 })).toBe(true);
  });

  test("elapsed days are study days in the user's zone, not UTC dates (Tokyo)", () => {
    const s = { ...settings, timezone: "Asia/Tokyo" };
    const c = reviewCard(s);
    const reviewed: FsrsFields = { ...c, last_review: new Date("2026-01-20T01:00:00Z") }; // 10:00 JST, Jan 20
    // 08:00 JST next day = 2026-01-20T23:00Z: same UTC date, but the next study day.
    const next = applyRating(reviewed, 3, s, new Date("2026-01-20T23:00:00Z"));
    expect(next.log.elapsed_days).toBe(1);
    // 03:00 JST on Jan 21 (before the 04:00 rollover) is still Jan 20's study day → 0 days
    const same = applyRating(reviewed, 3, s, new Date("2026-01-20T18:00:00Z"));
    expect(same.log.elapsed_days).toBe(0);
  });

  test("elapsed days do not jump at UTC midnight for a learning card (Los Angeles)", () => {
    const s = { ...settings, timezone: "America/Los_Angeles" };
    // 15:55 and 16:05 PST straddle 00:00 UTC
    const first = applyRating(newCardFields(T0), 1, s, new Date("2026-01-10T23:55:00Z")).card;
    const second = applyRating(first, 3, s, new Date("2026-01-11T00:05:00Z"));
    expect(second.log.elapsed_days).toBe(0);
  });

  test("a clock that went backwards counts as no time passed instead of throwing", () => {
    const c = reviewCard();
    const r = applyRating({ ...c, last_review: new Date(T0.getTime() + 30 * DAY) }, 3, settings, T0);
    expect(r.log.elapsed_days).toBe(0);
    expect(r.card.due.getTime()).toBeGreaterThan(T0.getTime());
  });

  test("invalid input throws", () => {
    const c = newCardFields(T0);
    expect(() => applyRating(c, 5 as Rating, settings, T0)).toThrow(RangeError);
    expect(() => applyRating({ ...c, state: 7 }, 3, settings, T0)).toThrow(RangeError);
    expect(() => applyRating(c, 3, settings, new Date(Number.NaN))).toThrow(RangeError);
  });

  test("the returned objects carry only FSRS fields", () => {
    const row = { ...newCardFields(T0), id: 3, payload: "{}", noteId: 1 };
    const { card } = applyRating(row, 3, settings, T0);
    expect(Object.keys(card).sort()).toEqual(
      ["due", "stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses", "state", "last_review"].sort(),
    );
  });
});

describe("retrievability", () => {
  test("0 for new, ~1 right after a review, ≈ desired retention after `stability` days", () => {
    expect(retrievability(newCardFields(T0), settings, T0)).toBe(0);
    const c = reviewCard();
    const at = c.last_review ?? T0;
    expect(retrievability(c, settings, at)).toBeCloseTo(1, 5);
    const later = new Date(at.getTime() + Math.round(c.stability) * DAY);
    expect(retrievability(c, settings, later)).toBeGreaterThan(0.85);
    expect(retrievability(c, settings, later)).toBeLessThan(0.95);
  });
});

describe("properties", () => {
  test("for any review card: buttons are ordered and applyRating lands where the preview said", () => {
    fc.assert(
      fc.property(
        fc.record({
          stability: fc.double({ min: 0.5, max: 3000, noNaN: true }),
          difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
          elapsedH: fc.integer({ min: 0, max: 24 * 400 }),
          fuzz: fc.boolean(),
          tz: fc.constantFrom("Europe/Berlin", "Asia/Tokyo", "America/New_York"),
          id: fc.integer({ min: 1, max: 1e6 }),
        }),
        ({ stability, difficulty, elapsedH, fuzz, tz, id }) => {
          const s = { ...settings, enableFuzz: fuzz, timezone: tz };
          const now = new Date(T0.getTime() + elapsedH * 3_600_000);
          const c = {
            id,
            due: new Date(T0.getTime() + Math.round(stability) * DAY),
            stability,
            difficulty,
            elapsed_days: 0,
            scheduled_days: Math.round(stability),
            learning_steps: 0,
            reps: 5,
            lapses: 1,
            state: 2,
            last_review: T0,
          };
          const p = previewIntervals(c, s, now);
          for (let k = 1; k < 4; k += 1) {
            expect(p[k]!.due.getTime()).toBeGreaterThanOrEqual(p[k - 1]!.due.getTime());
          }
          for (const x of p) {
            expect(applyRating(c, x.rating, s, now).card.due).toEqual(x.due);
            expect(x.due.getTime() - now.getTime()).toBeLessThanOrEqual(s.maximumInterval * DAY);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
