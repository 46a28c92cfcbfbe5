// lib/srs caches zone offsets (15-minute buckets), day starts and the current
// study day, and reuses one ts-fsrs instance per settings. These tests check
// that the cached answers are the uncached ones, to the millisecond, in zones
// with odd offsets and transitions, in random order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, exactWallClockMs, nextDayStart, studyDayOf, studyDayStart, utcOffsetMs, wallClockMs } from "../../../lib/srs/study-day";
import { applyRating, createScheduler, previewIntervals, retrievability } from "../../../lib/srs/scheduler";
import { DEFAULT_SETTINGS, type Settings } from "../../../lib/srs";
import type { Rating, Card as FsrsCard } from "ts-fsrs";

const ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "Asia/Tokyo",
  "Australia/Lord_Howe", // 30-minute DST
  "Asia/Kathmandu", // +05:45
  "Pacific/Chatham", // +12:45 / +13:45
  "Africa/Casablanca", // DST suspended during Ramadan
  "America/St_Johns", // −03:30
  "Africa/Monrovia", // −00:44:30 until 1972-01-07T00:44:30Z: a transition inside a 15-minute bucket
];
const YEAR = 365.25 * 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

/** Instants of every offset change of `zone` in [from, to), found by bisection (6-hourly scan). */
function transitions(zone: string, from: number, to: number): number[] {
  const out: number[] = [];
  const off = (t: number) => exactWallClockMs(t, zone) - t;
  const step = 6 * 3_600_000;
  for (let t = from; t < to; t += step) {
    if (off(t) !== off(t + step)) {
      let lo = t;
      let hi = t + step;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (off(mid) === off(t)) lo = mid;
        else hi = mid;
      }
      out.push(hi);
    }
  }
  return out;
}

describe("zone offset cache", () => {
  it("agrees with Intl at random instants (1900–2100), in random order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) })), { minLength: 1, maxLength: 200 }),
        (cases) => {
          // Each instant and a neighbour twice: first use, verification of the bucket, cached use.
          for (const [zone, t] of cases) {
            for (const u of [t, t + 420_000, t, t - 420_000, t + 420_000]) expect(wallClockMs(u, zone)).toBe(exactWallClockMs(u, zone));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("agrees with Intl at and around every transition of 2025–2027, and at ones that fall inside a bucket", () => {
    const spans: [string, number, number][] = ZONES.map((z) => [z, T0 - YEAR, T0 + 2 * YEAR]);
    // Local mean time ending at instants that are not on a 15-minute boundary.
    spans.push(["Africa/Monrovia", Date.UTC(1972, 0, 1), Date.UTC(1972, 1, 1)], ["Africa/Casablanca", Date.UTC(1913, 9, 1), Date.UTC(1913, 10, 1)]);
    let checked = 0;
    for (const [zone, from, to] of spans) {
      for (const tr of transitions(zone, from, to)) {
        for (let pass = 0; pass < 3; pass++) {
          for (const d of [-900_001, -900_000, -60_000, -1001, -1000, -1, 0, 1, 999, 1000, 60_000, 899_999, 900_000, 7_200_000]) {
            expect(wallClockMs(tr + d, zone)).toBe(exactWallClockMs(tr + d, zone));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  it("keeps Intl's RangeError for an unknown zone", () => {
    expect(() => wallClockMs(T0, "Mars/Olympus")).toThrow(RangeError);
    expect(() => utcOffsetMs(T0, "Mars/Olympus")).toThrow(RangeError);
    expect(() => nextDayStart(T0, "Mars/Olympus", 4)).toThrow(RangeError);
  });
});

describe("day-start caches", () => {
  it("nextDayStart equals the start of the day after studyDayOf, whatever the order of the calls", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 23 }), fc.integer({ min: T0 - YEAR, max: T0 + YEAR })), {
          minLength: 1,
          maxLength: 100,
        }),
        (cases) => {
          for (const [zone, hour, t] of cases) {
            const label = studyDayOf(t, zone, hour);
            const next = studyDayStart(addDays(label, 1), zone, hour);
            expect(nextDayStart(t, zone, hour)).toEqual(next);
            // And again right at the boundaries (the fast path's edges).
            expect(nextDayStart(next.getTime() - 1, zone, hour)).toEqual(next);
            expect(nextDayStart(next, zone, hour)).toEqual(studyDayStart(addDays(label, 2), zone, hour));
            expect(nextDayStart(studyDayStart(label, zone, hour), zone, hour)).toEqual(next);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("returns a fresh Date each time (a caller may change it)", () => {
    const a = studyDayStart("2026-03-29", "Europe/Berlin", 4);
    a.setTime(0);
    expect(studyDayStart("2026-03-29", "Europe/Berlin", 4).toISOString()).toBe("2026-03-29T02:00:00.000Z");
    const b = nextDayStart(T0, "Europe/Berlin", 4);
    b.setTime(0);
    expect(nextDayStart(T0, "Europe/Berlin", 4).getTime()).not.toBe(0);
  });
});

describe("scheduler reuse", () => {
  const base: Settings = { ...DEFAULT_SETTINGS, timezone: "Europe/Berlin" };
  const review = (i: number) => ({
    id: i,
    due: new Date(T0 + i * 3_600_000),
    stability: 3 + (i % 17),
    difficulty: 1 + (i % 9),
    elapsed_days: 0,
    scheduled_days: 5,
    learning_steps: 0,
    reps: 4 + (i % 5),
    lapses: i % 3,
    state: 2,
    last_review: new Date(T0 - 5 * 86_400_000 + i * 3_600_000),
  });

  it("gives what a fresh ts-fsrs instance gives, across changing settings", () => {
    const variants: Settings[] = [
      base,
      { ...base, desiredRetention: 0.8 },
      { ...base, enableFuzz: false },
      { ...base, maximumInterval: 30 },
      { ...base, learningSteps: "5m", relearningSteps: "" },
      { ...base, weights: createScheduler(base).parameters.w.map((w, i) => (i === 0 ? w * 1.5 : w)) },
      base,
    ];
    for (let i = 0; i < 200; i++) {
      const s = variants[i % variants.length]!;
      const card = review(i);
      const now = new Date(T0 + i * 600_000);
      const got = applyRating(card, ((i % 4) + 1) as 1 | 2 | 3 | 4, s, now);
      // Reference: ts-fsrs directly, on the same study-day clocks (see scheduler.ts, choice 1).
      const f = createScheduler(s);
      const shift = wallClockMs(now, s.timezone) - s.dayStartHour * 3_600_000 - now.getTime();
      const input: FsrsCard & { cardinal_seed: string } = {
        ...card,
        state: 2,
        due: new Date(card.due.getTime() + shift),
        last_review: new Date(Math.min(wallClockMs(card.last_review, s.timezone) - s.dayStartHour * 3_600_000, now.getTime() + shift)),
        cardinal_seed: `${card.id}|${card.last_review.getTime()}|`,
      };
      const want = f.next(input, new Date(now.getTime() + shift), ((i % 4) + 1) as Rating.Again);
      expect(got.card.stability).toBe(want.card.stability);
      expect(got.card.difficulty).toBe(want.card.difficulty);
      expect(got.card.scheduled_days).toBe(Math.min(want.card.scheduled_days, s.maximumInterval));
      expect(previewIntervals(card, s, now)).toEqual(previewIntervals(card, { ...s }, now));
      expect(retrievability(card, s, now)).toBe(retrievability(card, { ...s, weights: s.weights ? [...s.weights] : null }, now));
    }
  });

  it("still refuses invalid settings every time", () => {
    expect(() => applyRating(review(1), 3, { ...base, desiredRetention: 0.5 }, new Date(T0))).toThrow(RangeError);
    expect(() => applyRating(review(1), 3, { ...base, desiredRetention: 0.5 }, new Date(T0))).toThrow(RangeError);
    expect(() => applyRating(review(1), 3, base, new Date(T0))).not.toThrow();
  });
});
