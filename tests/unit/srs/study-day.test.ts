import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  addDays,
  dayIndex,
  daysBetween,
  isValidTimeZone,
  labelOfDayIndex,
  nextDayStart,
  streakLength,
  studyDayOf,
  studyDayStart,
  utcOffsetMs,
} from "../../../lib/srs/study-day";

const iso = (d: Date) => d.toISOString();
const H = 3_600_000;

describe("rollover at 04:00 local", () => {
  test("03:59 belongs to the previous study day, 04:01 to the new one (Berlin, winter)", () => {
    // 2026-01-15 03:59 CET = 02:59Z; 04:01 CET = 03:01Z
    expect(studyDayOf(new Date("2026-01-15T02:59:00Z"), "Europe/Berlin", 4)).toBe("2026-01-14");
    expect(studyDayOf(new Date("2026-01-15T03:01:00Z"), "Europe/Berlin", 4)).toBe("2026-01-15");
    expect(studyDayOf(new Date("2026-01-15T03:00:00Z"), "Europe/Berlin", 4)).toBe("2026-01-15");
    expect(iso(nextDayStart(new Date("2026-01-15T02:59:00Z"), "Europe/Berlin", 4))).toBe("2026-01-15T03:00:00.000Z");
    expect(iso(nextDayStart(new Date("2026-01-15T03:01:00Z"), "Europe/Berlin", 4))).toBe("2026-01-16T03:00:00.000Z");
  });

  test("Asia/Tokyo (UTC+9): the study day starts the previous UTC evening", () => {
    expect(studyDayOf(new Date("2026-05-31T18:59:00Z"), "Asia/Tokyo", 4)).toBe("2026-05-31"); // 03:59 JST
    expect(studyDayOf(new Date("2026-05-31T19:01:00Z"), "Asia/Tokyo", 4)).toBe("2026-06-01"); // 04:01 JST
    expect(iso(studyDayStart("2026-06-01", "Asia/Tokyo", 4))).toBe("2026-05-31T19:00:00.000Z");
    expect(iso(nextDayStart(new Date("2026-06-01T12:00:00Z"), "Asia/Tokyo", 4))).toBe("2026-06-01T19:00:00.000Z");
  });

  test("America/Los_Angeles (UTC-8): late evening is still today although UTC is tomorrow", () => {
    expect(studyDayOf(new Date("2026-01-15T11:59:00Z"), "America/Los_Angeles", 4)).toBe("2026-01-14");
    expect(studyDayOf(new Date("2026-01-15T12:01:00Z"), "America/Los_Angeles", 4)).toBe("2026-01-15");
    expect(studyDayOf(new Date("2026-01-16T07:30:00Z"), "America/Los_Angeles", 4)).toBe("2026-01-15"); // 23:30 PST
    expect(iso(studyDayStart("2026-01-15", "America/Los_Angeles", 4))).toBe("2026-01-15T12:00:00.000Z");
    // summer: UTC-7
    expect(iso(studyDayStart("2026-07-15", "America/Los_Angeles", 4))).toBe("2026-07-15T11:00:00.000Z");
  });

  test("UTC and a start hour of 0", () => {
    expect(studyDayOf(new Date("2026-01-15T00:00:00Z"), "UTC", 0)).toBe("2026-01-15");
    expect(studyDayOf(new Date("2026-01-14T23:59:59.999Z"), "UTC", 0)).toBe("2026-01-14");
    expect(iso(nextDayStart(new Date("2026-01-15T12:00:00Z"), "UTC", 0))).toBe("2026-01-16T00:00:00.000Z");
  });
});

describe("DST", () => {
  test("Europe/Berlin spring forward 2026-03-29: a 23-hour study day", () => {
    const start28 = studyDayStart("2026-03-28", "Europe/Berlin", 4);
    const start29 = studyDayStart("2026-03-29", "Europe/Berlin", 4);
    expect(iso(start28)).toBe("2026-03-28T03:00:00.000Z"); // 04:00 CET
    expect(iso(start29)).toBe("2026-03-29T02:00:00.000Z"); // 04:00 CEST
    expect(start29.getTime() - start28.getTime()).toBe(23 * H);
    // 03:30 CEST on the 29th (after the switch) is still the 28th's study day
    expect(studyDayOf(new Date("2026-03-29T01:30:00Z"), "Europe/Berlin", 4)).toBe("2026-03-28");
    expect(iso(nextDayStart(new Date("2026-03-29T01:30:00Z"), "Europe/Berlin", 4))).toBe("2026-03-29T02:00:00.000Z");
    expect(studyDayOf(new Date("2026-03-29T02:00:00Z"), "Europe/Berlin", 4)).toBe("2026-03-29");
    expect(iso(nextDayStart(new Date("2026-03-29T02:00:00Z"), "Europe/Berlin", 4))).toBe("2026-03-30T02:00:00.000Z");
  });

  test("Europe/Berlin fall back 2026-10-25: a 25-hour study day", () => {
    const start24 = studyDayStart("2026-10-24", "Europe/Berlin", 4);
    const start25 = studyDayStart("2026-10-25", "Europe/Berlin", 4);
    expect(iso(start24)).toBe("2026-10-24T02:00:00.000Z"); // 04:00 CEST
    expect(iso(start25)).toBe("2026-10-25T03:00:00.000Z"); // 04:00 CET
    expect(start25.getTime() - start24.getTime()).toBe(25 * H);
    expect(studyDayOf(new Date("2026-10-25T02:30:00Z"), "Europe/Berlin", 4)).toBe("2026-10-24"); // 03:30 CET
    expect(iso(nextDayStart(new Date("2026-10-25T02:30:00Z"), "Europe/Berlin", 4))).toBe("2026-10-25T03:00:00.000Z");
    expect(studyDayOf(new Date("2026-10-25T03:01:00Z"), "Europe/Berlin", 4)).toBe("2026-10-25");
  });

  test("Europe/Berlin with the day starting inside the DST change (02:00)", () => {
    // spring: 02:00 does not exist → the day starts when the clock jumps to 03:00 CEST
    expect(iso(studyDayStart("2026-03-29", "Europe/Berlin", 2))).toBe("2026-03-29T01:00:00.000Z");
    expect(studyDayOf(new Date("2026-03-29T00:59:59Z"), "Europe/Berlin", 2)).toBe("2026-03-28");
    expect(studyDayOf(new Date("2026-03-29T01:00:00Z"), "Europe/Berlin", 2)).toBe("2026-03-29");
    // autumn: 02:00 happens twice → the first one (CEST)
    expect(iso(studyDayStart("2026-10-25", "Europe/Berlin", 2))).toBe("2026-10-25T00:00:00.000Z");
    expect(studyDayOf(new Date("2026-10-24T23:59:59Z"), "Europe/Berlin", 2)).toBe("2026-10-24");
    expect(studyDayOf(new Date("2026-10-25T00:30:00Z"), "Europe/Berlin", 2)).toBe("2026-10-25"); // 02:30 CEST
    expect(studyDayOf(new Date("2026-10-25T01:30:00Z"), "Europe/Berlin", 2)).toBe("2026-10-25"); // 02:30 CET
  });

  test("America/New_York 2026-03-08 (23 h) and 2026-11-01 (25 h)", () => {
    const tz = "America/New_York";
    expect(iso(studyDayStart("2026-03-07", tz, 4))).toBe("2026-03-07T09:00:00.000Z");
    expect(iso(studyDayStart("2026-03-08", tz, 4))).toBe("2026-03-08T08:00:00.000Z");
    expect(studyDayOf(new Date("2026-03-08T07:59:00Z"), tz, 4)).toBe("2026-03-07"); // 03:59 EDT
    expect(iso(nextDayStart(new Date("2026-03-08T07:59:00Z"), tz, 4))).toBe("2026-03-08T08:00:00.000Z");
    expect(iso(studyDayStart("2026-10-31", tz, 4))).toBe("2026-10-31T08:00:00.000Z");
    expect(iso(studyDayStart("2026-11-01", tz, 4))).toBe("2026-11-01T09:00:00.000Z");
    expect(studyDayOf(new Date("2026-11-01T08:30:00Z"), tz, 4)).toBe("2026-10-31"); // 03:30 EST
    expect(iso(nextDayStart(new Date("2026-11-01T08:30:00Z"), tz, 4))).toBe("2026-11-01T09:00:00.000Z");
  });

  test("zones that change at midnight, with a midnight day start", () => {
    // Santiago 2026-09-06: 00:00 → 01:00 (-04 → -03); the day starts at 01:00 local
    expect(iso(studyDayStart("2026-09-06", "America/Santiago", 0))).toBe("2026-09-06T04:00:00.000Z");
    expect(studyDayOf(new Date("2026-09-06T03:59:59Z"), "America/Santiago", 0)).toBe("2026-09-05");
    // Havana 2026-11-01: 01:00 → 00:00; midnight happens twice, the first counts
    expect(iso(studyDayStart("2026-11-01", "America/Havana", 0))).toBe("2026-11-01T04:00:00.000Z");
    expect(studyDayOf(new Date("2026-11-01T05:30:00Z"), "America/Havana", 0)).toBe("2026-11-01");
  });

  test("utcOffsetMs", () => {
    expect(utcOffsetMs(new Date("2026-01-15T12:00:00Z"), "Europe/Berlin")).toBe(1 * H);
    expect(utcOffsetMs(new Date("2026-07-15T12:00:00Z"), "Europe/Berlin")).toBe(2 * H);
    expect(utcOffsetMs(new Date("2026-07-15T12:00:00.123Z"), "Asia/Kolkata")).toBe(5.5 * H);
  });
});

describe("labels and streaks", () => {
  test("dayIndex / daysBetween / addDays", () => {
    expect(dayIndex("1970-01-01")).toBe(0);
    expect(dayIndex("2026-01-01")).toBe(20454);
    expect(labelOfDayIndex(20454)).toBe("2026-01-01");
    expect(daysBetween("2026-02-27", "2026-03-01")).toBe(2);
    expect(daysBetween("2028-02-27", "2028-03-01")).toBe(3); // leap year
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2); // across DST: still whole days
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  test("malformed labels and settings throw", () => {
    expect(() => dayIndex("2026-02-30")).toThrow(RangeError);
    expect(() => dayIndex("2026-1-5")).toThrow(RangeError);
    expect(() => studyDayOf(new Date(0), "Mars/Olympus", 4)).toThrow(RangeError);
    expect(() => studyDayOf(new Date(0), "UTC", 24)).toThrow(RangeError);
    expect(() => studyDayOf(new Date(Number.NaN), "UTC", 4)).toThrow(RangeError);
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });

  test("streakLength counts back from today, or from yesterday if today is not done yet", () => {
    const days = ["2026-01-10", "2026-01-11", "2026-01-12", "2026-01-12", "2026-01-08"];
    expect(streakLength(days, "2026-01-12")).toBe(3);
    expect(streakLength(days, "2026-01-13")).toBe(3);
    expect(streakLength(days, "2026-01-14")).toBe(0);
    expect(streakLength([], "2026-01-14")).toBe(0);
  });
});

describe("properties", () => {
  const zones = [
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "America/Los_Angeles",
    "Asia/Tokyo",
    "Australia/Sydney",
    "America/Santiago",
    "America/Havana",
    "Asia/Kolkata",
    "Pacific/Chatham",
  ];

  test("studyDayOf and studyDayStart agree: start(L) ≤ t < start(L+1)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        (t, tz, hour) => {
          const label = studyDayOf(t, tz, hour);
          const start = studyDayStart(label, tz, hour).getTime();
          const next = nextDayStart(t, tz, hour).getTime();
          expect(start).toBeLessThanOrEqual(t);
          expect(next).toBeGreaterThan(t);
          expect(studyDayOf(start, tz, hour)).toBe(label);
          expect(studyDayOf(next, tz, hour)).toBe(addDays(label, 1));
          expect(studyDayOf(next - 1, tz, hour)).toBe(label);
          const len = next - start;
          expect(len).toBeGreaterThanOrEqual(22 * H);
          expect(len).toBeLessThanOrEqual(26 * H);
        },
      ),
      { numRuns: 500 },
    );
  });

  test("every DST transition day of 2026 in the test zones is consistent at every start hour", () => {
    for (const tz of zones) {
      for (let day = dayIndex("2026-01-01"); day < dayIndex("2027-01-01"); day += 1) {
        const label = labelOfDayIndex(day);
        const a = utcOffsetMs(day * 86_400_000, tz);
        const b = utcOffsetMs((day + 2) * 86_400_000, tz);
        if (a === b) continue; // only check days around a change
        for (let hour = 0; hour < 24; hour += 1) {
          const start = studyDayStart(label, tz, hour).getTime();
          expect(studyDayOf(start, tz, hour)).toBe(label);
          expect(studyDayOf(start - 1, tz, hour)).toBe(addDays(label, -1));
        }
      }
    }
  });
});
