"use client";
// A year of study days as a calendar (weeks as columns, Monday on top) with
// month labels — recharts has no calendar heatmap. SVG with attributes and
// classes, no style attributes (the CSP refuses inline styles in
// server-rendered markup). One day is in the tab order; the arrow keys move
// by a day (↑↓) or a week (←→), and the focused or hovered day is described
// below. The numbers are also in the table under it (ChartFigure).
import { useEffect, useRef, useState } from "react";
import { longDay } from "./format";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = [
  { row: 0, label: "Mon" },
  { row: 2, label: "Wed" },
  { row: 4, label: "Fri" },
  { row: 6, label: "Sun" },
];
const CELL = 11;
const STEP = 13;
const LEFT = 28;
const TOP = 14;
const LEVELS = [0, 1, 2, 3, 4] as const;

export function Heatmap({ days }: { days: { day: string; count: number }[] }) {
  const [active, setActive] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState(days.length - 1);
  const scroller = useRef<HTMLFieldSetElement>(null);
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
  // A month label above the week that holds its 1st (a partial first month gets none).
  const months = days.flatMap((d, i) =>
    d.day.endsWith("-01") ? [{ col: Math.floor((i + offset) / 7), label: MONTHS[Number(d.day.slice(5, 7)) - 1]!, key: d.day }] : [],
  );
  const dayText = (i: number) => {
    const d = days[i];
    return d ? `${longDay(d.day)}: ${d.count} answer${d.count === 1 ? "" : "s"}` : "";
  };
  const onKey = (e: React.KeyboardEvent<HTMLFieldSetElement>) => {
    const delta = { ArrowUp: -1, ArrowDown: 1, ArrowLeft: -7, ArrowRight: 7, Home: -days.length, End: days.length }[e.key];
    if (delta === undefined) return;
    e.preventDefault();
    const next = Math.min(days.length - 1, Math.max(0, focusIndex + delta));
    setFocusIndex(next);
    setActive(next);
    (e.currentTarget.querySelector(`[data-i="${next}"]`) as SVGElement | null)?.focus();
  };
  // Hover and focus are read where they bubble to, from the day's data-i.
  const indexOf = (t: EventTarget) => (t instanceof SVGElement && t.dataset.i !== undefined ? Number(t.dataset.i) : null);
  const onPoint = (e: React.MouseEvent) => {
    const i = indexOf(e.target);
    if (i !== null) setActive(i);
  };
  const onFocus = (e: React.FocusEvent) => {
    const i = indexOf(e.target);
    if (i === null) return;
    setActive(i);
    setFocusIndex(i);
  };
  return (
    <div className="space-y-1">
      <fieldset
        ref={scroller}
        className="m-0 min-w-0 overflow-x-auto border-0 p-0 pb-1"
        onKeyDown={onKey}
        onMouseOver={onPoint}
        onFocus={onFocus}
        onMouseLeave={() => setActive(null)}
        data-testid="heatmap"
      >
        <legend className="sr-only">Answers per study day over the past year; use the arrow keys to move between days</legend>
        <svg width={LEFT + weeks * STEP} height={TOP + 7 * STEP} className="text-stone-600 dark:text-stone-400">
          <title>Answers per study day over the past year</title>
          {months.map((m) => (
            <text key={m.key} x={LEFT + m.col * STEP} y={10} className="fill-current text-[10px]">
              {m.label}
            </text>
          ))}
          {WEEKDAYS.map((w) => (
            <text key={w.label} x={0} y={TOP + w.row * STEP + 9} className="fill-current text-[10px]">
              {w.label}
            </text>
          ))}
          {days.map((d, i) => {
            const k = i + offset;
            return (
              <rect
                key={d.day}
                data-i={i}
                tabIndex={i === focusIndex ? 0 : -1}
                aria-label={dayText(i)}
                x={LEFT + Math.floor(k / 7) * STEP}
                y={TOP + (k % 7) * STEP}
                width={CELL}
                height={CELL}
                rx={2}
                className={`heat-${level(d.count)} outline-none focus:stroke-amber-600 focus:stroke-2`}
              >
                <title>{dayText(i)}</title>
              </rect>
            );
          })}
        </svg>
      </fieldset>
      <p className="min-h-5 text-xs text-stone-700 dark:text-stone-300" aria-live="polite" data-testid="heatmap-tooltip">
        {active !== null ? dayText(active) : "Hover or focus a day to see its answers."}
      </p>
      <p className="flex items-center gap-1 text-[10px] text-stone-600 dark:text-stone-400" aria-hidden="true">
        less
        {LEVELS.map((l) => (
          <svg key={l} width={CELL} height={CELL} className="inline-block" aria-hidden="true">
            <rect width={CELL} height={CELL} rx={2} className={`heat-${l}`} />
          </svg>
        ))}
        more (max {max} a day)
      </p>
    </div>
  );
}
