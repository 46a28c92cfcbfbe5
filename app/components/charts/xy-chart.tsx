"use client";
// Every chart of the app (progress, card, settings): bars and lines over days,
// categories or numbers, on one or two value axes, with reference lines, an
// optional shaded range and a marked point. Scales and shapes come from visx
// (docs/decisions/0065-charts-with-visx.md); the axes, legend and tooltip are
// ours because @visx/axis and @visx/tooltip are not installed. The tooltip
// follows the pointer and the keyboard: focus the chart, move with ← → (Home,
// End). Colours are CSS variables (app/globals.css), so the chart follows the
// colour scheme. Drawn once its width is known (no inline styles in the
// server-rendered markup: the CSP refuses them).
import { curveLinear, curveMonotoneX } from "@visx/curve";
import { GridRows } from "@visx/grid";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar, LinePath } from "@visx/shape";
import { useId, useLayoutEffect, useRef, useState } from "react";
import { longDay, shortDay } from "./format";
import { BottomAxis, SideAxis } from "./xy-axes";
import { axisMax, barSegments, type Datum, type Format, labelledBands, num, tickText, valueText, type XYSeries } from "./xy-layout";

export type { Format, XYSeries } from "./xy-layout";

export type XYChartProps = {
  /** The chart's accessible name. */
  label: string;
  data: Datum[];
  x: string;
  /** "day": x values are YYYY-MM-DD; "category": any labels; "number": a numeric x axis (lines only). */
  xKind?: "day" | "category" | "number";
  xLabel: string;
  xDomain?: [number, number];
  xTicks?: number[];
  xFormat?: Format;
  /** The tooltip's heading for an x value (default: the long day, or the tick text). */
  xTitle?: (v: string | number) => string;
  yLabel: string;
  yUnit?: Format;
  yDomain?: [number, number];
  yTicks?: number[];
  rightLabel?: string;
  rightUnit?: Format;
  rightDomain?: [number, number];
  series: XYSeries[];
  /** Dashed lines across the chart: at a value of the left axis (y) or at an x value (x). */
  references?: { y?: number; x?: number; label: string; color?: string }[];
  /** A shaded x range (numeric x). */
  band?: { x1: number; x2: number; label: string };
  /** A marked point (numeric x, left axis). */
  mark?: { x: number; y: number; label: string };
  height?: 200 | 220 | 240 | 260;
  legend?: boolean;
};

// Heights as classes, not style attributes: the CSP refuses inline styles in server-rendered markup.
const HEIGHT = { 200: "h-[200px]", 220: "h-[220px]", 240: "h-[240px]", 260: "h-[260px]" } as const;
const AXIS = "var(--chart-axis)";

function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width] as const;
}

export function XYChart(props: XYChartProps) {
  const [ref, width] = useWidth();
  const height = props.height ?? 240;
  const legend = props.legend ?? props.series.length > 1;
  return (
    <div className="w-full" data-testid="xy-chart">
      <div ref={ref} className={`relative w-full ${HEIGHT[height]}`}>
        {width > 0 && <Plot {...props} width={width} height={height} />}
      </div>
      {legend && (
        <ul className="mt-1 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-stone-700 dark:text-stone-300" data-testid="chart-legend">
          {props.series.map((s) => (
            <li key={s.key} className="flex items-center gap-1">
              <svg width={14} height={10} aria-hidden="true">
                {s.kind === "line" ? (
                  <line x1={0} x2={14} y1={5} y2={5} stroke={s.color} strokeWidth={2} strokeDasharray={s.dashed ? "4 2" : undefined} />
                ) : (
                  <rect width={14} height={10} rx={2} fill={s.color} />
                )}
              </svg>
              {s.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Plot({
  label,
  data,
  x,
  xKind = "category",
  xLabel,
  xDomain,
  xTicks,
  xFormat,
  xTitle,
  yLabel,
  yUnit = "count",
  yDomain,
  yTicks,
  rightLabel,
  rightUnit = "count",
  rightDomain,
  series,
  references = [],
  band,
  mark,
  width,
  height,
}: XYChartProps & { width: number; height: number }) {
  const tipId = useId();
  const [active, setActive] = useState<number | null>(null);
  const [keyboard, setKeyboard] = useState(false);
  const hasRight = series.some((s) => s.axis === "right");
  const m = { top: 18, right: hasRight ? 46 : 14, bottom: 40, left: 48 };
  const w = Math.max(10, width - m.left - m.right);
  const h = Math.max(10, height - m.top - m.bottom);

  const left = series.filter((s) => s.axis !== "right");
  const right = series.filter((s) => s.axis === "right");
  const yL = scaleLinear<number>({ domain: yDomain ?? [0, axisMax(data, left)], range: [h, 0], nice: !yDomain });
  const yR = scaleLinear<number>({ domain: rightDomain ?? [0, axisMax(data, right)], range: [h, 0], nice: !rightDomain });
  const yOf = (s: XYSeries) => (s.axis === "right" ? yR : yL);
  const unitOf = (s: XYSeries) => (s.axis === "right" ? rightUnit : yUnit);
  const ticksOf = (scale: typeof yL, unit: Format, given?: number[]) =>
    given ?? scale.ticks(Math.max(2, Math.round(h / 40))).filter((t) => unit !== "count" || Number.isInteger(t));

  // x: bands for days and categories, a line scale for numbers.
  const keys = data.map((d) => String(d[x]));
  const bandX = scaleBand<string>({ domain: keys, range: [0, w], paddingInner: 0.2, paddingOuter: 0.1 });
  const xs = data.map((d) => num(d[x]) ?? 0);
  const linX = scaleLinear<number>({ domain: xDomain ?? [Math.min(...xs), Math.max(...xs)], range: [0, w] });
  const numeric = xKind === "number";
  const cx = (i: number) => (numeric ? linX(xs[i]!) : (bandX(keys[i]!) ?? 0) + bandX.bandwidth() / 2);
  const fx = xFormat ?? "count";
  const xTick = (i: number) => (xKind === "day" ? shortDay(keys[i]!) : numeric ? tickText(xs[i]!, fx) : keys[i]!);
  const heading = (i: number) => {
    const v = numeric ? xs[i]! : keys[i]!;
    if (xTitle) return xTitle(v);
    return xKind === "day" ? longDay(String(v)) : numeric ? tickText(Number(v), fx) : String(v);
  };

  const bandTicks = () => labelledBands(keys.length, Math.max(...keys.map((_, i) => xTick(i).length)), bandX.step());
  const numberTicks = xTicks ?? linX.ticks(Math.max(2, Math.floor(w / 60)));

  // Stacked bars side by side when there are several stacks.
  const stackIds = [...new Set(series.filter((s) => s.kind !== "line").map((s) => s.stack ?? s.key))];
  const slot = bandX.bandwidth() / Math.max(1, stackIds.length);
  const barW = Math.min(28, slot);
  const bars = numeric
    ? []
    : barSegments(data, series).map((g) => {
        const s = series.find((x) => x.key === g.series)!;
        const y = yOf(s);
        const bx = (bandX(keys[g.i]!) ?? 0) + stackIds.indexOf(g.stack) * slot + (slot - barW) / 2;
        return { key: `${g.series}-${g.i}`, x: bx, y: y(g.to), width: barW, height: y(g.from) - y(g.to), color: s.color };
      });

  const nearest = (px: number) => {
    if (data.length === 0) return null;
    let best = 0;
    for (let i = 1; i < data.length; i++) if (Math.abs(cx(i) - px) < Math.abs(cx(best) - px)) best = i;
    return best;
  };
  const onPointer = (e: React.PointerEvent<SVGSVGElement>) => {
    const px = e.clientX - e.currentTarget.getBoundingClientRect().left - m.left;
    setKeyboard(false);
    setActive(px < -m.left / 2 || px > w + m.right / 2 ? null : nearest(px));
  };
  const onKey = (e: React.KeyboardEvent) => {
    const n = data.length;
    const i = active ?? -1;
    const next = { ArrowRight: Math.min(n - 1, i + 1), ArrowLeft: Math.max(0, i - 1), Home: 0, End: n - 1 }[e.key];
    if (next === undefined || n === 0) return;
    e.preventDefault();
    setKeyboard(true);
    setActive(next);
  };

  const refLabel = "text-[11px]";
  const tipX = active === null ? 0 : m.left + cx(active);
  return (
    // role="application": the arrow keys belong to the chart (they move its tooltip), as in recharts' accessibility layer.
    <div
      role="application"
      aria-roledescription="chart"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the chart is operated from the keyboard, so it is in the tab order
      tabIndex={0}
      aria-label={`${label}. Use the left and right arrow keys to read its values; the table below has them all.`}
      aria-describedby={active !== null ? tipId : undefined}
      className="h-full w-full rounded outline-none focus-visible:ring-2 focus-visible:ring-amber-600"
      onKeyDown={onKey}
      onFocus={() => {
        if (active === null && data.length > 0) {
          setKeyboard(true);
          setActive(0);
        }
      }}
      onBlur={() => keyboard && setActive(null)}
    >
      <svg width={width} height={height} aria-hidden="true" onPointerMove={onPointer} onPointerLeave={() => setActive(null)} data-testid="chart-svg">
        <Group left={m.left} top={m.top}>
          <GridRows scale={yL} width={w} tickValues={ticksOf(yL, yUnit, yTicks)} stroke="var(--chart-grid)" />
          {band && (
            <g data-testid="chart-band">
              <rect x={linX(band.x1)} width={Math.max(0, linX(band.x2) - linX(band.x1))} y={0} height={h} fill="var(--chart-band)" />
              <text x={(linX(band.x1) + linX(band.x2)) / 2} y={12} textAnchor="middle" fill="var(--chart-band-text)" className={refLabel}>
                {band.label}
              </text>
            </g>
          )}
          {active !== null &&
            (numeric ? (
              <line x1={cx(active)} x2={cx(active)} y1={0} y2={h} stroke="var(--chart-muted)" />
            ) : (
              <rect x={bandX(keys[active]!) ?? 0} width={bandX.bandwidth()} y={0} height={h} fill="var(--chart-grid)" opacity={0.6} />
            ))}
          {bars.map((b) => (
            <Bar key={b.key} x={b.x} y={b.y} width={b.width} height={Math.max(0, b.height)} fill={b.color} data-testid="chart-bar" />
          ))}
          {series
            .filter((s) => s.kind === "line")
            .map((s) => {
              const y = yOf(s);
              // Days without a value (no scheduled review that day) are left out, and the line joins the days that have one.
              const pts = data.flatMap((d, i) => {
                const v = num(d[s.key]);
                return v === null ? [] : [{ i, v }];
              });
              return (
                <g key={s.key} data-testid="chart-line">
                  <LinePath
                    data={pts}
                    x={(p) => cx(p.i)}
                    y={(p) => y(p.v)}
                    curve={numeric ? curveMonotoneX : curveLinear}
                    stroke={s.color}
                    strokeWidth={2}
                    strokeDasharray={s.dashed ? "6 3" : undefined}
                  />
                  {!numeric && pts.map((p) => <circle key={p.i} cx={cx(p.i)} cy={y(p.v)} r={2.5} fill={s.color} />)}
                </g>
              );
            })}
          {references.map((r) => {
            const color = r.color ?? "var(--chart-secondary)";
            if (r.y !== undefined) {
              const y = yL(r.y);
              return (
                <g key={`y${r.y}`} data-testid="reference-line">
                  <line x1={0} x2={w} y1={y} y2={y} stroke={color} strokeDasharray="5 4" />
                  <text x={w - 2} y={y - 4} textAnchor="end" fill={AXIS} className={refLabel}>
                    {r.label}
                  </text>
                </g>
              );
            }
            const xx = linX(r.x ?? 0);
            const onLeft = xx > w / 2;
            return (
              <g key={`x${r.x}`} data-testid="reference-line">
                <line x1={xx} x2={xx} y1={0} y2={h} stroke={color} strokeDasharray="5 4" />
                <text x={onLeft ? xx - 4 : xx + 4} y={-6} textAnchor={onLeft ? "end" : "start"} fill={AXIS} className={refLabel}>
                  {r.label}
                </text>
              </g>
            );
          })}
          {mark && (
            <g data-testid="reference-dot">
              <circle cx={linX(mark.x)} cy={yL(mark.y)} r={5} fill="var(--chart-secondary)" stroke="var(--chart-tooltip-bg)" />
              {/* Above the dot, or below and to its right when the dot is at the top (where the x references are labelled). */}
              <text
                x={yL(mark.y) < 24 ? linX(mark.x) + 7 : linX(mark.x)}
                y={yL(mark.y) < 24 ? yL(mark.y) + 18 : yL(mark.y) - 9}
                textAnchor={yL(mark.y) < 24 ? "start" : "middle"}
                fill={AXIS}
                className={refLabel}
              >
                {mark.label}
              </text>
            </g>
          )}
          <BottomAxis
            width={w}
            height={h}
            title={xLabel}
            ticks={
              numeric
                ? numberTicks.map((t) => ({ at: linX(t), text: tickText(t, fx), key: t }))
                : bandTicks().map((i) => ({ at: cx(i), text: xTick(i), key: i }))
            }
          />
          <SideAxis
            side="left"
            x={0}
            titleX={-m.left + 11}
            height={h}
            title={yLabel}
            ticks={ticksOf(yL, yUnit, yTicks).map((t) => ({ at: yL(t), text: tickText(t, yUnit), key: t }))}
          />
          {hasRight && (
            <SideAxis
              side="right"
              x={w}
              titleX={w + m.right - 8}
              height={h}
              title={rightLabel ?? ""}
              ticks={ticksOf(yR, rightUnit).map((t) => ({ at: yR(t), text: tickText(t, rightUnit), key: t }))}
            />
          )}
        </Group>
      </svg>
      {active !== null && (
        <div
          id={tipId}
          role="status"
          className={`pointer-events-none absolute top-1 z-10 w-max max-w-[16rem] rounded-md border border-[var(--chart-grid)] bg-[var(--chart-tooltip-bg)] px-2 py-1 text-xs text-[var(--chart-tooltip-fg)] shadow ${tipX > width / 2 ? "-translate-x-full" : ""}`}
          // Set through the DOM after hydration (never in server markup), which the CSP allows.
          style={{ left: tipX > width / 2 ? tipX - 8 : tipX + 8 }}
          data-testid="chart-tooltip"
        >
          <p className="font-semibold">{heading(active)}</p>
          {series.map((s) => (
            <p key={s.key} className="tabular-nums">
              {s.name}: {valueText(data[active]?.[s.key], unitOf(s))}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
