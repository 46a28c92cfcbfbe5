// A plain SVG bar chart with a table alternative for screen readers and for
// anyone who wants the numbers.
export type Bar = { label: string; value: number };

export function BarChart({ title, bars, unit = "", height = 120 }: { title: string; bars: Bar[]; unit?: string; height?: number }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const w = 100 / Math.max(1, bars.length);
  const total = bars.reduce((s, b) => s + b.value, 0);
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" className="h-32 w-full" role="img" aria-label={`${title}: ${total} in all; table below`}>
        {bars.map((b, i) => {
          const h = (b.value / max) * (height - 4);
          return (
            <rect key={b.label} x={i * w + w * 0.1} y={height - h} width={w * 0.8} height={h} className="fill-red-700 dark:fill-red-400">
              <title>{`${b.label}: ${b.value}${unit}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="flex justify-between text-xs text-stone-500" aria-hidden="true">
        <span>{bars[0]?.label}</span>
        <span>max {max}{unit}</span>
        <span>{bars.at(-1)?.label}</span>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-stone-600 dark:text-stone-400">{title} as a table</summary>
        <table className="mt-2 w-full text-left text-xs">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">bucket</th>
              <th scope="col">count</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <td>{b.label}</td>
                <td>{b.value}{unit}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
