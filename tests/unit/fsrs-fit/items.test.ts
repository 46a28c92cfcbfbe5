// Training items built by our own code (lib/fsrs-fit/items.ts) must be the
// ones fsrs-rs's CSV conversion builds: same filtering, same day counting,
// same order — the app trains on them, and the CLI reproduces the reference.
import { describe, expect, it } from "vitest";
import { convertCsvToFsrsItems } from "@open-spaced-repetition/binding";
import { buildTrainingItems, type HistoryEntry } from "../../../lib/fsrs-fit/items";
import { syntheticHistory, toCsv } from "../../../lib/fsrs-fit/synthetic-history";
import { utcOffsetMs } from "../../../lib/srs";

const H = 3_600_000;
const D = 24 * H;
const UTC4 = { timeZone: "UTC", dayStartHour: 4 };
const T0 = Date.UTC(2026, 2, 1, 12); // a Sunday noon, UTC

const entry = (cardId: string, reviewTime: number, rating: number, state: number): HistoryEntry => ({ cardId, reviewTime, rating, state });
const shape = (items: ReturnType<typeof buildTrainingItems>) => items.map((i) => i.reviews.map((r) => [r.rating, r.deltaT]));

describe("buildTrainingItems on hand-made histories", () => {
  it("one item per later-day review, with every earlier review as input", () => {
    const items = buildTrainingItems(
      [entry("a", T0, 3, 0), entry("a", T0 + 10 * 60_000, 3, 1), entry("a", T0 + 2 * D, 3, 2), entry("a", T0 + 7 * D, 1, 2)],
      UTC4,
    );
    expect(shape(items)).toEqual([
      [
        [3, 0],
        [3, 0],
        [3, 2],
      ],
      [
        [3, 0],
        [3, 0],
        [3, 2],
        [1, 5],
      ],
    ]);
    expect(items.map((i) => i.reviewTime)).toEqual([T0 + 2 * D, T0 + 7 * D]);
  });

  it("same-day answers are inputs, never targets", () => {
    const items = buildTrainingItems([entry("a", T0, 1, 0), entry("a", T0 + 60_000, 3, 1), entry("a", T0 + 600_000, 3, 1)], UTC4);
    expect(items).toEqual([]);
  });

  it("a card reset to New keeps only the history from its last learning block", () => {
    const items = buildTrainingItems([entry("a", T0, 3, 0), entry("a", T0 + D, 3, 2), entry("a", T0 + 10 * D, 4, 0), entry("a", T0 + 12 * D, 3, 2)], UTC4);
    expect(shape(items)).toEqual([
      [
        [4, 0],
        [3, 2],
      ],
    ]);
  });

  it("a card whose first review is missing (no learning review) gives nothing", () => {
    expect(buildTrainingItems([entry("a", T0, 3, 2), entry("a", T0 + 3 * D, 3, 2)], UTC4)).toEqual([]);
  });

  it("counts study days: 03:59 belongs to the day before when the day starts at 04:00", () => {
    const evening = Date.UTC(2026, 2, 1, 20);
    const early = Date.UTC(2026, 2, 2, 3, 59);
    const late = Date.UTC(2026, 2, 2, 4, 0);
    expect(shape(buildTrainingItems([entry("a", evening, 3, 0), entry("a", early, 3, 2)], UTC4))).toEqual([]);
    expect(shape(buildTrainingItems([entry("a", evening, 3, 0), entry("a", late, 3, 2)], UTC4))).toEqual([
      [
        [3, 0],
        [3, 1],
      ],
    ]);
    // Midnight start: the same two instants are a day apart.
    expect(shape(buildTrainingItems([entry("a", evening, 3, 0), entry("a", early, 3, 2)], { timeZone: "UTC", dayStartHour: 0 }))).toEqual([
      [
        [3, 0],
        [3, 1],
      ],
    ]);
  });

  it("uses the learner's zone: 23:30 and 00:30 in Tokyo straddle a day start at midnight", () => {
    const tokyo = { timeZone: "Asia/Tokyo", dayStartHour: 0 };
    const a = Date.UTC(2026, 5, 1, 14, 30); // 23:30 JST
    const b = Date.UTC(2026, 5, 1, 15, 30); // 00:30 JST next day; same UTC date
    expect(shape(buildTrainingItems([entry("a", a, 3, 0), entry("a", b, 3, 2)], tokyo))).toEqual([
      [
        [3, 0],
        [3, 1],
      ],
    ]);
    expect(buildTrainingItems([entry("a", a, 3, 0), entry("a", b, 3, 2)], { timeZone: "UTC", dayStartHour: 0 })).toEqual([]);
  });

  it("orders items by the time of their last review across cards, whatever the input order", () => {
    const items = buildTrainingItems([entry("b", T0 + 3 * D, 3, 2), entry("a", T0 + 5 * D, 3, 2), entry("b", T0, 3, 0), entry("a", T0 + D, 3, 0)], UTC4);
    expect(items.map((i) => [i.cardId, i.reviewTime])).toEqual([
      ["b", T0 + 3 * D],
      ["a", T0 + 5 * D],
    ]);
  });
});

describe("buildTrainingItems equals the binding's convertCsvToFsrsItems", () => {
  const offsetMinutes = (ms: number, tz: string) => Math.round(utcOffsetMs(ms, tz) / 60_000);

  for (const [timeZone, dayStartHour] of [
    ["America/New_York", 4],
    ["Asia/Kathmandu", 0],
    ["Europe/Berlin", 2],
  ] as const) {
    it(`on a generated history in ${timeZone}, day start ${dayStartHour}:00, with resets and missing first reviews`, () => {
      const history = syntheticHistory({ cards: 150, days: 400, seed: 11, start: Date.UTC(2025, 0, 1), timeZone, dayStartHour });
      // Quirks the generator does not make: a card reset to New mid-way,
      // a card seen only in review state (its first review was lost).
      const quirks = [
        entry("900", T0, 3, 0),
        entry("900", T0 + 4 * D, 3, 2),
        entry("900", T0 + 9 * D, 3, 0),
        entry("900", T0 + 11 * D, 2, 2),
        entry("901", T0, 3, 2),
        entry("901", T0 + 6 * D, 3, 2),
      ].map((e) => ({ ...e, durationMs: 5000 }));
      const all = [...history, ...quirks];
      const ours = buildTrainingItems(all, { timeZone, dayStartHour });
      const theirs = convertCsvToFsrsItems(Buffer.from(toCsv(all)), dayStartHour, timeZone, offsetMinutes);
      expect(ours.length).toBeGreaterThan(500);
      expect(shape(ours)).toEqual(theirs.map((i) => i.reviews.map((r) => [r.rating, r.deltaT])));
    });
  }
});
