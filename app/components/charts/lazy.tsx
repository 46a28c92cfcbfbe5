"use client";
// The recharts charts, loaded after the page is interactive: recharts and its
// dependencies are ~110 kB gzipped, more than the rest of the page. The
// figures, tables and links render (and work) without them; each chart
// keeps its height while it loads, so nothing moves.
import dynamic from "next/dynamic";
import type { SeriesChartProps } from "./series-chart";
import type { CurveChartProps } from "./curve-chart";

// Heights as classes, not style attributes: the CSP refuses inline styles in server-rendered markup.
const MIN_HEIGHT: Record<number, string> = { 200: "min-h-[200px]", 220: "min-h-[220px]", 240: "min-h-[240px]" };

function ChartLoading() {
  return <div className="h-full w-full animate-pulse rounded bg-stone-100 dark:bg-stone-900" aria-hidden="true" />;
}

const Series = dynamic(() => import("./series-chart").then((m) => m.SeriesChart), { ssr: false, loading: ChartLoading });
const Curve = dynamic(() => import("./curve-chart").then((m) => m.CurveChart), { ssr: false, loading: ChartLoading });

export function SeriesChart(props: SeriesChartProps) {
  return (
    <div className={MIN_HEIGHT[props.height ?? 240] ?? "min-h-[240px]"}>
      <Series {...props} />
    </div>
  );
}

export function CurveChart(props: CurveChartProps) {
  return (
    <div className="min-h-[240px]">
      <Curve {...props} />
    </div>
  );
}
