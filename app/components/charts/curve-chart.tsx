"use client";
// One card's forgetting curve: predicted recall against whole study days since
// its last review, with today and the next due date marked. recharts; see
// series-chart.tsx for tooltips, keyboard and colours.
import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue } from "./format";

export type CurveChartProps = {
  label: string;
  points: { day: number; recall: number }[];
  /** Days since the last review: today, and the next due date. */
  today: number;
  due: number | null;
  dueLabel: string | null;
  target: number;
};

const AXIS = { fill: "var(--chart-axis)", fontSize: 11 };

export function CurveChart({ label, points, today, due, dueLabel, target }: CurveChartProps) {
  const now = points.find((p) => p.day === today);
  const span = points.at(-1)?.day ?? 1;
  return (
    <div className="w-full">
      <p className="sr-only">Focus the chart and use the arrow keys to hear its values; the table below has them all.</p>
      <LineChart
        responsive
        style={{ width: "100%", height: 240 }}
        data={points}
        margin={{ top: 16, right: 16, bottom: 4, left: 0 }}
        accessibilityLayer
        title={label}
      >
        <CartesianGrid stroke="var(--chart-grid)" />
        <XAxis
          dataKey="day"
          type="number"
          domain={[0, "dataMax"]}
          tick={AXIS}
          stroke="var(--chart-axis)"
          tickFormatter={(d: number) => `${d}d`}
          height={40}
          label={{ value: "days since the last review", position: "insideBottom", offset: 0, fill: "var(--chart-axis)", fontSize: 11 }}
        />
        <YAxis
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 0.9, 1]}
          tick={AXIS}
          width={46}
          stroke="var(--chart-axis)"
          tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
          label={{
            value: "predicted recall",
            angle: -90,
            position: "insideLeft",
            offset: 10,
            fill: "var(--chart-axis)",
            fontSize: 11,
            style: { textAnchor: "middle" },
          }}
        />
        <Tooltip
          isAnimationActive={false}
          contentStyle={{
            background: "var(--chart-tooltip-bg)",
            color: "var(--chart-tooltip-fg)",
            border: "1px solid var(--chart-grid)",
            borderRadius: 6,
            fontSize: 12,
          }}
          labelStyle={{ color: "var(--chart-tooltip-fg)", fontWeight: 600 }}
          labelFormatter={(d) =>
            `${d} day${Number(d) === 1 ? "" : "s"} after the last review${Number(d) === today ? " (today)" : ""}${Number(d) === due ? " (due)" : ""}`
          }
          formatter={(v) => [formatValue(Number(v), "percent"), "predicted recall"]}
        />
        <ReferenceLine
          y={target}
          stroke="var(--chart-muted)"
          strokeDasharray="4 4"
          label={{ value: `desired ${Math.round(target * 100)}%`, position: "insideBottomRight", fill: "var(--chart-axis)", fontSize: 11 }}
        />
        {due !== null && (
          <ReferenceLine
            x={due}
            stroke="var(--chart-secondary)"
            strokeDasharray="5 4"
            label={{
              value: dueLabel ?? "due",
              position: due < span / 2 ? "insideTopLeft" : "insideTopRight",
              offset: 6,
              fill: "var(--chart-axis)",
              fontSize: 11,
            }}
          />
        )}
        <Line dataKey="recall" name="predicted recall" stroke="var(--chart-primary)" strokeWidth={2} dot={false} isAnimationActive={false} type="monotone" />
        {now && (
          <ReferenceDot
            x={now.day}
            y={now.recall}
            r={5}
            fill="var(--chart-secondary)"
            stroke="var(--chart-tooltip-bg)"
            label={{ value: "today", position: "top", fill: "var(--chart-axis)", fontSize: 11 }}
          />
        )}
      </LineChart>
    </div>
  );
}
