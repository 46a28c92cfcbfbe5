"use client";
// One card's forgetting curve: predicted recall against whole study days since
// its last review, with today marked and the next due date and desired
// retention as dashed lines. A configuration of XYChart (the headings need
// functions, which a server page cannot pass).
import { XYChart } from "./xy-chart";

export type CurveChartProps = {
  label: string;
  points: { day: number; recall: number }[];
  /** Days since the last review: today, and the next due date. */
  today: number;
  due: number | null;
  dueLabel: string | null;
  target: number;
};

export function CurveChart({ label, points, today, due, dueLabel, target }: CurveChartProps) {
  const now = points.find((p) => p.day === today);
  return (
    <XYChart
      label={label}
      data={points}
      x="day"
      xKind="number"
      xDomain={[0, points.at(-1)?.day ?? 1]}
      xFormat="days"
      xTitle={(d) => `${d} day${Number(d) === 1 ? "" : "s"} after the last review${Number(d) === today ? " (today)" : ""}${Number(d) === due ? " (due)" : ""}`}
      xLabel="days since the last review"
      yLabel="predicted recall"
      yUnit="percent"
      yDomain={[0, 1]}
      yTicks={[0, 0.25, 0.5, 0.75, 0.9, 1]}
      series={[{ key: "recall", name: "predicted recall", color: "var(--chart-primary)", kind: "line" }]}
      references={[
        { y: target, label: `desired ${Math.round(target * 100)}%`, color: "var(--chart-muted)" },
        ...(due !== null ? [{ x: due, label: dueLabel ?? "due" }] : []),
      ]}
      mark={now ? { x: now.day, y: now.recall, label: "today" } : undefined}
    />
  );
}
