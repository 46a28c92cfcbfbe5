// The arithmetic behind every chart (app/components/charts/xy-layout.ts):
// how tall an axis goes, which x labels are drawn, where stacked bars sit.
import { describe, expect, it } from "vitest";
import { axisMax, barSegments, labelledBands, valueText, type XYSeries } from "@/app/components/charts/xy-layout";

const REVIEW: XYSeries = { key: "review", name: "review", color: "red", stack: "a" };
const QUIZ: XYSeries = { key: "quiz", name: "quiz", color: "grey", stack: "a" };
const TIME: XYSeries = { key: "minutes", name: "time", color: "amber", kind: "line", axis: "right" };

describe("axisMax", () => {
  it("is the tallest stack of bars, not the tallest bar", () => {
    expect(
      axisMax(
        [
          { review: 4, quiz: 3 },
          { review: 6, quiz: 0 },
        ],
        [REVIEW, QUIZ],
      ),
    ).toBe(7);
  });
  it("counts a line's points, and unstacked bars one by one", () => {
    expect(axisMax([{ minutes: 2.5 }, { minutes: null }], [TIME])).toBe(2.5);
    expect(
      axisMax(
        [{ a: 2, b: 5 }],
        [
          { key: "a", name: "a", color: "x" },
          { key: "b", name: "b", color: "y" },
        ],
      ),
    ).toBe(5);
  });
  it("is 1 when everything is 0 or missing, so an empty axis still has a range", () => {
    expect(axisMax([{ review: 0, quiz: null }], [REVIEW, QUIZ])).toBe(1);
    expect(axisMax([], [REVIEW])).toBe(1);
  });
});

describe("labelledBands", () => {
  it("labels every band when there is room", () => {
    expect(labelledBands(4, 10, 80)).toEqual([0, 1, 2, 3]);
  });
  it("thins 30 day labels on a phone to every k-th, keeping the first and the last", () => {
    // "30 Nov" (6 characters) needs 46 px; bands 11 px apart: every 5th label.
    const idx = labelledBands(30, 6, 11);
    expect(idx[0]).toBe(0);
    expect(idx.at(-1)).toBe(29);
    expect(idx.slice(0, -1).every((i) => i % 5 === 0)).toBe(true);
    // 25 and 29 are 44 px apart: both fit.
    expect(idx).toEqual([0, 5, 10, 15, 20, 25, 29]);
    // With 28 days, 25 would sit 2 bands from 27: it is dropped rather than overlap the last label.
    expect(labelledBands(28, 6, 11)).toEqual([0, 5, 10, 15, 20, 27]);
  });
  it("labels the single band of a one-day chart", () => {
    expect(labelledBands(1, 6, 300)).toEqual([0]);
  });
});

describe("barSegments", () => {
  it("stacks each datum's bars of one stack, leaving out zero segments", () => {
    expect(
      barSegments(
        [
          { review: 4, quiz: 3 },
          { review: 0, quiz: 2 },
        ],
        [REVIEW, QUIZ, TIME],
      ),
    ).toEqual([
      { series: "review", i: 0, stack: "a", from: 0, to: 4 },
      { series: "quiz", i: 0, stack: "a", from: 4, to: 7 },
      { series: "quiz", i: 1, stack: "a", from: 0, to: 2 },
    ]);
  });
});

describe("valueText", () => {
  it("says — for a day with no value rather than 0", () => {
    expect(valueText(null, "percent")).toBe("—");
    expect(valueText(0.8333, "percent")).toBe("83.3%");
    expect(valueText(0.6, (v) => v.toFixed(2))).toBe("0.60");
  });
});
