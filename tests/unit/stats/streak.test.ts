import { describe, expect, it } from "vitest";
import { dayIndex } from "../../../lib/srs";
import { currentStreak, longestStreak } from "../../../lib/stats/streak";
import { makeBuckets, STABILITY_EDGES } from "../../../lib/stats/buckets";

const d = (label: string) => dayIndex(label);

describe("streaks", () => {
  const active = ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-05", "2026-03-06"].map(d);
  it("current streak ends today, or yesterday while today is still empty", () => {
    expect(currentStreak(active, d("2026-03-06"))).toBe(2);
    expect(currentStreak(active, d("2026-03-07"))).toBe(2);
    expect(currentStreak(active, d("2026-03-08"))).toBe(0);
    expect(currentStreak([], d("2026-03-08"))).toBe(0);
  });
  it("longest streak, unsorted and repeated input, across month ends", () => {
    expect(longestStreak([...active].reverse().concat(active))).toBe(3);
    expect(longestStreak(["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01", "2024-03-03"].map(d))).toBe(4);
    expect(longestStreak([])).toBe(0);
  });
});

describe("buckets", () => {
  it("labels and fills fixed buckets", () => {
    const b = makeBuckets(
      STABILITY_EDGES,
      new Map([
        [0, 2],
        [8, 1],
      ]),
      "d",
    );
    expect(b[0]).toEqual({ bucket: "0–1d", min: 0, max: 1, count: 2 });
    expect(b[8]).toEqual({ bucket: "≥365d", min: 365, max: null, count: 1 });
    expect(b.reduce((n, x) => n + x.count, 0)).toBe(3);
  });
});
