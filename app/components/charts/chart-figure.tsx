// A chart with its title, a one-line definition of what it shows, and the
// same numbers as a table (for screen readers, and for anyone who wants the
// figures). The chart itself is a client component passed as children.
import type { ReactNode } from "react";

export type TableData = { columns: string[]; rows: (string | number)[][] };

export function ChartFigure({
  id,
  title,
  definition,
  children,
  table,
  empty,
}: {
  id: string;
  title: string;
  definition: ReactNode;
  children: ReactNode;
  table: TableData;
  /** Shown instead of the chart when there is nothing to draw: what to do next. */
  empty?: ReactNode;
}) {
  return (
    <figure className="min-w-0 space-y-2" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <figcaption>
        <h3 id={`${id}-title`} className="text-sm font-medium">
          {title}
        </h3>
        <p className="text-xs text-stone-600 dark:text-stone-400">{definition}</p>
      </figcaption>
      {empty ? (
        <p
          className="rounded border border-dashed border-stone-300 p-4 text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400"
          data-testid="chart-empty"
        >
          {empty}
        </p>
      ) : (
        children
      )}
      <details className="text-sm">
        <summary className="cursor-pointer text-stone-600 dark:text-stone-400">{title} as a table</summary>
        <div className="mt-2 max-h-72 overflow-auto">
          <table className="w-full text-left text-xs tabular-nums">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-stone-300 dark:border-stone-700">
                {table.columns.map((c) => (
                  <th key={c} scope="col" className="pr-3 font-medium">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={String(r[0])} className="border-b border-stone-100 dark:border-stone-900">
                  {r.map((v, j) => {
                    const col = table.columns[j] ?? String(j);
                    return j === 0 ? (
                      <th key={col} scope="row" className="pr-3 font-normal">
                        {v}
                      </th>
                    ) : (
                      <td key={col} className="pr-3">
                        {v}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
