"use client";
// Bars and lines over a category axis (days, buckets, card states), drawn by
// recharts (docs/decisions/0025-charts-with-recharts.md). Tooltips follow the
// pointer and, through recharts' accessibility layer, the keyboard: focus the
// chart and move with the arrow keys. Colours are CSS variables
// (app/globals.css), so the chart follows the colour scheme.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatTick, formatValue, longDay, shortDay, type Unit } from "./format";

export type Series = {
  key: string;
  name: string;
  /** A CSS colour, usually var(--chart-…). */
  color: string;
  kind?: "bar" | "line";
  stack?: string;
  axis?: "left" | "right";
};

export type SeriesChartProps = {
  label: string;
  data: Record<string, string | number | null>[];
  x: string;
  /** "day": x values are YYYY-MM-DD labels. */
  xKind?: "day" | "category";
  xLabel: string;
  yLabel: string;
  yUnit?: Unit;
  yDomain?: [number, number];
  rightLabel?: string;
  rightUnit?: Unit;
  series: Series[];
  reference?: { y: number; label: string };
  height?: number;
};

const AXIS = { fill: "var(--chart-axis)", fontSize: 11 };

export function SeriesChart({
  label,
  data,
  x,
  xKind = "category",
  xLabel,
  yLabel,
  yUnit = "count",
  yDomain,
  rightLabel,
  rightUnit = "count",
  series,
  reference,
  height = 240,
}: SeriesChartProps) {
  const unitOf = (s: Series | undefined) => (s?.axis === "right" ? rightUnit : yUnit);
  const hasRight = series.some((s) => s.axis === "right");
  return (
    <div className="w-full">
      <p className="sr-only">Focus the chart and use the arrow keys to hear its values; the table below has them all.</p>
      <ComposedChart
        responsive
        style={{ width: "100%", height }}
        data={data}
        margin={{ top: 8, right: hasRight ? 4 : 12, bottom: 4, left: 0 }}
        accessibilityLayer
        title={label}
      >
        <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
        <XAxis
          dataKey={x}
          tick={AXIS}
          tickFormatter={xKind === "day" ? shortDay : undefined}
          interval="preserveStartEnd"
          minTickGap={14}
          stroke="var(--chart-axis)"
          height={40}
          label={{ value: xLabel, position: "insideBottom", offset: 0, fill: "var(--chart-axis)", fontSize: 11 }}
        />
        <YAxis
          yAxisId="left"
          tick={AXIS}
          width={46}
          stroke="var(--chart-axis)"
          allowDecimals={yUnit !== "count"}
          domain={yDomain ?? [0, "auto"]}
          tickFormatter={(v: number) => formatTick(v, yUnit)}
          label={{ value: yLabel, angle: -90, position: "insideLeft", offset: 10, fill: "var(--chart-axis)", fontSize: 11, style: { textAnchor: "middle" } }}
        />
        {hasRight && (
          <YAxis
            yAxisId="right"
            orientation="right"
            tick={AXIS}
            width={42}
            stroke="var(--chart-axis)"
            tickFormatter={(v: number) => formatTick(v, rightUnit)}
            label={{
              value: rightLabel,
              angle: 90,
              position: "insideRight",
              offset: 10,
              fill: "var(--chart-axis)",
              fontSize: 11,
              style: { textAnchor: "middle" },
            }}
          />
        )}
        <Tooltip
          isAnimationActive={false}
          cursor={{ fill: "var(--chart-grid)", fillOpacity: 0.5 }}
          contentStyle={{
            background: "var(--chart-tooltip-bg)",
            color: "var(--chart-tooltip-fg)",
            border: "1px solid var(--chart-grid)",
            borderRadius: 6,
            fontSize: 12,
          }}
          labelStyle={{ color: "var(--chart-tooltip-fg)", fontWeight: 600 }}
          labelFormatter={(l) => (xKind === "day" ? longDay(String(l)) : String(l))}
          formatter={(value, name) => {
            const s = series.find((x) => x.name === name);
            return [formatValue(typeof value === "number" ? value : value === null || value === undefined ? null : Number(value), unitOf(s)), name];
          }}
        />
        <Legend itemSorter={null} wrapperStyle={{ fontSize: 12, color: "var(--chart-axis)" }} />
        {series.map((s) =>
          s.kind === "line" ? (
            <Line
              key={s.key}
              yAxisId={s.axis ?? "left"}
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={2}
              dot={{ r: 2.5, fill: s.color }}
              connectNulls={false}
              isAnimationActive={false}
              type="monotone"
            />
          ) : (
            <Bar
              key={s.key}
              yAxisId={s.axis ?? "left"}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              stackId={s.stack}
              isAnimationActive={false}
              maxBarSize={28}
            />
          ),
        )}
        {reference && (
          <ReferenceLine
            yAxisId="left"
            y={reference.y}
            stroke="var(--chart-secondary)"
            strokeDasharray="5 4"
            label={{ value: reference.label, position: "insideTopRight", fill: "var(--chart-axis)", fontSize: 11 }}
          />
        )}
      </ComposedChart>
    </div>
  );
}
