// A plain SVG line chart (used for a card's forgetting curve), with a table.
export type Point = { x: number; y: number };

export function LineChart({ title, points, xLabel, yLabel, marker }: { title: string; points: Point[]; xLabel: string; yLabel: string; marker?: Point }) {
  const W = 300;
  const H = 120;
  const maxX = Math.max(1, ...points.map((p) => p.x));
  const sx = (x: number) => (x / maxX) * W;
  const sy = (y: number) => H - y * H;
  const d = points.map((p, i) => `${i === 0 ? "M" : "L"}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(" ");
  const step = Math.max(1, Math.ceil(points.length / 10));
  return (
    <figure className="space-y-2">
      <svg viewBox={`-2 -2 ${W + 4} ${H + 4}`} className="h-40 w-full" role="img" aria-label={`${title}; table below`}>
        <line x1={0} y1={sy(0.9)} x2={W} y2={sy(0.9)} className="stroke-stone-400" strokeDasharray="3 3" strokeWidth={0.8} />
        <path d={d} fill="none" className="stroke-red-700 dark:stroke-red-400" strokeWidth={2} />
        {marker && <circle cx={sx(marker.x)} cy={sy(marker.y)} r={4} className="fill-amber-500" />}
      </svg>
      <figcaption className="text-xs text-stone-500">
        {yLabel} against {xLabel}; dashed line at 90%{marker ? "; dot: now" : ""}.
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-stone-600 dark:text-stone-400">{title} as a table</summary>
        <table className="mt-2 text-left text-xs">
          <thead>
            <tr>
              <th scope="col" className="pr-4">{xLabel}</th>
              <th scope="col">{yLabel}</th>
            </tr>
          </thead>
          <tbody>
            {points
              .filter((_, i) => i % step === 0)
              .map((p) => (
                <tr key={p.x}>
                  <td className="pr-4">{p.x}</td>
                  <td>{(p.y * 100).toFixed(1)}%</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
