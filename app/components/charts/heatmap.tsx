"use client";
// A year of study days as a calendar (weeks as columns, Monday on top) with
// month labels — recharts has no calendar heatmap, and a CSS grid is all it
// takes. One cell is in the tab order; the arrow keys move by a day (↑↓) or a
// week (←→), and the focused or hovered day is described below the grid.
// The numbers are also in the table under it (ChartFigure).
import { useEffect, useRef, useState } from "react";
import { longDay } from "./format";

const WEEKDAYS = [
  { key: "mon", label: "Mon" },
  { key: "tue", label: "" },
  { key: "wed", label: "Wed" },
  { key: "thu", label: "" },
  { key: "fri", label: "Fri" },
  { key: "sat", label: "" },
  { key: "sun", label: "Sun" },
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function Heatmap({ days }: { days: { day: string; count: number }[] }) {
  const [active, setActive] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState(days.length - 1);
  const scroller = useRef<HTMLDivElement>(null);
  // On a narrow screen the year scrolls sideways: start at today's end.
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollLeft = el.scrollWidth;
  }, []);
  const max = Math.max(1, ...days.map((d) => d.count));
  const first = days[0];
  const offset = first ? (new Date(`${first.day}T00:00:00Z`).getUTCDay() + 6) % 7 : 0; // Monday = 0
  const weeks = Math.ceil((days.length + offset) / 7);
  const level = (n: number) => (n === 0 ? 0 : n / max <= 0.25 ? 1 : n / max <= 0.5 ? 2 : n / max <= 0.75 ? 3 : 4);
  // A month label above the first week that holds that month's 1st day.
  const months: { col: number; label: string }[] = [];
  days.forEach((d, i) => {
    if (d.day.endsWith("-01") || i === 0) {
      const col = Math.floor((i + offset) / 7);
      const label = MONTHS[Number(d.day.slice(5, 7)) - 1]!;
      if (i === 0 && Number(d.day.slice(8)) > 7) return; // a partial first month gets no label
      months.push({ col, label });
    }
  });
  const dayText = (i: number) => {
    const d = days[i];
    return d ? `${longDay(d.day)}: ${d.count} answer${d.count === 1 ? "" : "s"}` : "";
  };
  const move = (i: number, delta: number) => Math.min(days.length - 1, Math.max(0, i + delta));
  const onKey = (e: React.KeyboardEvent<HTMLFieldSetElement>) => {
    const delta = { ArrowUp: -1, ArrowDown: 1, ArrowLeft: -7, ArrowRight: 7, Home: -days.length, End: days.length }[e.key];
    if (delta === undefined) return;
    e.preventDefault();
    const next = move(focusIndex, delta);
    setFocusIndex(next);
    setActive(next);
    (e.currentTarget.querySelector(`[data-i="${next}"]`) as HTMLElement | null)?.focus();
  };
  const shown = active ?? null;
  return (
    <div className="space-y-1">
      <div ref={scroller} className="overflow-x-auto pb-1">
        <div className="inline-grid gap-[2px] text-[10px] text-stone-600 dark:text-stone-400" style={{ gridTemplateColumns: `1.75rem repeat(${weeks}, 11px)` }}>
          <span />
          {Array.from({ length: weeks }, (_, c) => c).map((col) => (
            <span key={`week-${col}`} className="h-3 whitespace-nowrap leading-3" aria-hidden="true">{months.find((m) => m.col === col)?.label ?? ""}</span>
          ))}
        </div>
        <fieldset
          className="m-0 inline-grid gap-[2px] border-0 p-0"
          style={{ gridTemplateColumns: `1.75rem repeat(${weeks}, 11px)`, gridTemplateRows: "repeat(7, 11px)", gridAutoFlow: "column" }}
          onKeyDown={onKey}
          onMouseLeave={() => setActive(null)}
          data-testid="heatmap"
        >
          <legend className="sr-only">Answers per study day over the past year; use the arrow keys to move between days</legend>
          {WEEKDAYS.map((w, r) => (
            <span key={w.key} className="text-[10px] leading-[11px] text-stone-600 dark:text-stone-400" style={{ gridColumn: 1, gridRow: r + 1 }} aria-hidden="true">{w.label}</span>
          ))}
          {days.map((d, i) => {
            const k = i + offset;
            return (
              <span
                key={d.day}
                data-i={i}
                role="img"
                tabIndex={i === focusIndex ? 0 : -1}
                aria-label={dayText(i)}
                title={dayText(i)}
                onMouseEnter={() => setActive(i)}
                onFocus={() => { setActive(i); setFocusIndex(i); }}
                className="h-[11px] w-[11px] rounded-[2px] focus:outline-2 focus:outline-offset-1 focus:outline-amber-600"
                style={{ gridColumn: Math.floor(k / 7) + 2, gridRow: (k % 7) + 1, background: `var(--heat-${level(d.count)})` }}
              />
            );
          })}
        </fieldset>
      </div>
      <p className="min-h-5 text-xs text-stone-700 dark:text-stone-300" aria-live="polite" data-testid="heatmap-tooltip">
        {shown !== null ? dayText(shown) : "Hover or focus a day to see its answers."}
      </p>
      <p className="flex items-center gap-1 text-[10px] text-stone-600 dark:text-stone-400" aria-hidden="true">
        less {[0, 1, 2, 3, 4].map((l) => <span key={l} className="inline-block h-[11px] w-[11px] rounded-[2px]" style={{ background: `var(--heat-${l})` }} />)} more (max {max} a day)
      </p>
    </div>
  );
}
