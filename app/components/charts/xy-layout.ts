// The pure arithmetic of XYChart (xy-chart.tsx): values, axis ranges, which
// ticks to label, stacked bars. No React, so tests/unit/charts can check it.
import { formatTick, formatValue, type Unit } from "./format";

export type Format = Unit | ((v: number) => string);
export type Value = string | number | null;
export type Datum = Record<string, Value>;
export type XYSeries = {
  key: string;
  name: string;
  /** A CSS colour, usually var(--chart-…). */
  color: string;
  kind?: "bar" | "line";
  stack?: string;
  axis?: "left" | "right";
  dashed?: boolean;
};

export const tickText = (v: number, f: Format) => (typeof f === "function" ? f(v) : formatTick(v, f));
export const valueText = (v: Value | undefined, f: Format) =>
  v === null || v === undefined || v === "" ? "—" : typeof f === "function" ? f(Number(v)) : formatValue(Number(v), f);
export const num = (v: Value | undefined) => (typeof v === "number" ? v : v === null || v === undefined || v === "" ? null : Number(v));

/** The upper end of an axis: the tallest stack or line point of the series on it (1 when all are 0). */
export function axisMax(data: Datum[], series: XYSeries[]) {
  let max = 0;
  for (const d of data) {
    const stacks = new Map<string, number>();
    for (const s of series) {
      const v = num(d[s.key]) ?? 0;
      if (s.kind === "line") max = Math.max(max, v);
      else {
        const id = s.stack ?? s.key;
        stacks.set(id, (stacks.get(id) ?? 0) + v);
      }
    }
    for (const v of stacks.values()) max = Math.max(max, v);
  }
  return max > 0 ? max : 1;
}

/**
 * Which of n band labels to show so that they do not overlap: every k-th, always the first and the last (the
 * label before the last is dropped when it would crowd it). widest: the longest label, in characters; step:
 * pixels from one band to the next.
 */
export function labelledBands(n: number, widest: number, step: number): number[] {
  const every = Math.max(1, Math.ceil((widest * 6 + 10) / Math.max(1, step)));
  const idx = Array.from({ length: n }, (_, i) => i).filter((i) => i % every === 0);
  const last = n - 1;
  if (last > 0 && idx.at(-1) !== last) {
    if (last - idx.at(-1)! < every * 0.7) idx.pop();
    idx.push(last);
  }
  return idx;
}

export type Segment = { series: string; i: number; stack: string; from: number; to: number };

/** Stacked bars: for each datum and bar series with a positive value, where its segment starts and ends. */
export function barSegments(data: Datum[], series: XYSeries[]): Segment[] {
  const out: Segment[] = [];
  data.forEach((d, i) => {
    const base = new Map<string, number>();
    for (const s of series) {
      if (s.kind === "line") continue;
      const stack = s.stack ?? s.key;
      const v = num(d[s.key]) ?? 0;
      const from = base.get(stack) ?? 0;
      base.set(stack, from + v);
      if (v > 0) out.push({ series: s.key, i, stack, from, to: from + v });
    }
  });
  return out;
}
