import { expect, test } from "vitest";
import { formatInterval } from "../../../lib/srs/format-interval";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

test.each([
  [-5 * M, "<1m"],
  [0, "<1m"],
  [59 * S, "<1m"],
  [60 * S, "1m"],
  [89 * S, "1m"],
  [90 * S, "2m"],
  [10 * M, "10m"],
  [59 * M + 29 * S, "59m"],
  [59 * M + 31 * S, "1h"],
  [H, "1h"],
  [90 * M, "1.5h"],
  [23 * H, "23h"],
  [23 * H + 58 * M, "1d"],
  [D, "1d"],
  [3 * D, "3d"],
  [29 * D, "29d"],
  [29.6 * D, "1mo"],
  [30 * D, "1mo"],
  [45 * D, "1.5mo"],
  [60 * D, "2mo"],
  [300 * D, "10mo"],
  [359 * D, "1y"],
  [365 * D, "1y"],
  [438 * D, "1.2y"],
  [36500 * D, "100y"],
])("formatInterval(%d) = %s", (ms, label) => {
  expect(formatInterval(ms)).toBe(label);
});

test("labels never decrease as the interval grows", () => {
  const order = (label: string): number => {
    if (label === "<1m") return 0;
    const m = /^([\d.]+)(m|h|d|mo|y)$/.exec(label);
    if (!m) throw new Error(label);
    const unit = { m: M, h: H, d: D, mo: 30 * D, y: 365 * D }[m[2] as "m" | "h" | "d" | "mo" | "y"];
    return Number(m[1]) * unit;
  };
  let prev = -1;
  for (let ms = 0; ms < 800 * D; ms += ms < 2 * D ? 7 * S : 3 * H) {
    const v = order(formatInterval(ms));
    expect(v).toBeGreaterThanOrEqual(prev);
    prev = v;
  }
});

test("NaN throws", () => {
  expect(() => formatInterval(Number.NaN)).toThrow(RangeError);
});
