// A year of study days as a calendar grid (weeks as columns), with the same
// figures as a list for screen readers.
export function Heatmap({ days }: { days: { day: string; count: number }[] }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const first = days[0];
  // Column by week: Monday-based weekday of the first label pads the grid.
  const offset = first ? (new Date(`${first.day}T00:00:00Z`).getUTCDay() + 6) % 7 : 0;
  const cell = 11;
  const weeks = Math.ceil((days.length + offset) / 7);
  const active = days.filter((d) => d.count > 0).length;
  const shade = (n: number) =>
    n === 0 ? "fill-stone-200 dark:fill-stone-800" : n / max < 0.25 ? "fill-red-200" : n / max < 0.5 ? "fill-red-400" : n / max < 0.75 ? "fill-red-600" : "fill-red-800";
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${weeks * cell} ${7 * cell}`} className="w-full" role="img" aria-label={`Reviews per day over the past year: ${active} days with reviews; list below`}>
        {days.map((d, i) => {
          const k = i + offset;
          return (
            <rect key={d.day} x={Math.floor(k / 7) * cell} y={(k % 7) * cell} width={cell - 2} height={cell - 2} rx={2} className={shade(d.count)}>
              <title>{`${d.day}: ${d.count} review${d.count === 1 ? "" : "s"}`}</title>
            </rect>
          );
        })}
      </svg>
      <details className="text-sm">
        <summary className="cursor-pointer text-stone-600 dark:text-stone-400">Days with reviews as a list</summary>
        {active === 0 ? (
          <p className="mt-2 text-xs">No reviews in the past year.</p>
        ) : (
          <ul className="mt-2 grid grid-cols-2 gap-x-4 text-xs sm:grid-cols-4">
            {days
              .filter((d) => d.count > 0)
              .map((d) => (
                <li key={d.day}>
                  {d.day}: {d.count}
                </li>
              ))}
          </ul>
        )}
      </details>
    </figure>
  );
}
