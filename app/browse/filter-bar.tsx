"use client";
// The filter controls: each one shows and rewrites its part of the query
// text (lib/browse/filters.ts), so what they do can also be typed.
import { useState } from "react";
import { FILTERS as FILTER_NAMES, filterValue, withFilter, type Filter } from "@/lib/browse/filters";
import type { Term } from "@/lib/browse/query";
import type { BrowseFacets } from "@/lib/db/browse";

const box = "rounded border border-stone-300 bg-white px-1 py-1 text-sm dark:border-stone-700 dark:bg-stone-900";

function Select({
  label,
  value,
  options,
  onChange,
  disabled,
}: {
  label: string;
  value: string;
  options: [string, string][];
  onChange: (v: string) => void;
  disabled: boolean;
}) {
  return (
    <label className="flex flex-col text-xs text-stone-600 dark:text-stone-400">
      {label}
      <select className={box} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

const YES_NO: [string, string][] = [
  ["", "any"],
  ["yes", "only"],
  ["no", "none"],
];

export function FilterBar({
  q,
  terms,
  facets,
  disabled,
  onChange,
}: {
  q: string;
  terms: Term[];
  facets: BrowseFacets;
  disabled: boolean;
  onChange: (q: string) => void;
}) {
  const set = (f: Filter) => (v: string) => onChange(withFilter(q, f, v));
  const v = (f: Filter) => filterValue(terms, f);
  const due = v("due");
  const range = due.includes("..") ? due.split("..") : null;
  const [from, setFrom] = useState(range?.[0] ?? "");
  const [to, setTo] = useState(range?.[1] ?? "");
  // The date boxes follow the query when it changes (typed, or the back button).
  const [shownDue, setShownDue] = useState(due);
  if (due !== shownDue) {
    setShownDue(due);
    setFrom(range?.[0] ?? "");
    setTo(range?.[1] ?? "");
  }
  const [showRange, setShowRange] = useState(!!range);
  const dueChoice = range || showRange ? "range" : due;
  // On a phone the controls fill the screen: they fold away behind one button there.
  const [open, setOpen] = useState(false);
  const active = FILTER_NAMES.filter((f) => v(f) !== "").length;

  return (
    <>
      <button
        type="button"
        className="rounded border border-stone-300 px-2 py-1 text-sm sm:hidden dark:border-stone-700"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Filters{active ? ` (${active} on)` : ""} {open ? "▴" : "▾"}
      </button>
      <fieldset
        className={`${open ? "grid" : "hidden"} grid-cols-2 gap-2 rounded border border-stone-200 p-2 sm:grid sm:grid-cols-4 lg:grid-cols-6 dark:border-stone-800`}
        data-testid="filters"
      >
        <legend className="px-1 text-xs text-stone-500">Filters</legend>
        <Select
          label="Deck"
          value={v("deck")}
          disabled={disabled}
          onChange={set("deck")}
          options={[["", "all decks"], ...facets.decks.map((d): [string, string] => [d.key, d.title])]}
        />
        <Select
          label="Topic"
          value={v("topic")}
          disabled={disabled}
          onChange={set("topic")}
          options={[["", "all topics"], ...facets.topics.map((t): [string, string] => [t, t])]}
        />
        <Select
          label="Card kind"
          value={v("kind")}
          disabled={disabled}
          onChange={set("kind")}
          options={[["", "all kinds"], ...facets.kinds.map((k): [string, string] => [k, k])]}
        />
        <Select
          label="State"
          value={v("state")}
          disabled={disabled}
          onChange={set("state")}
          options={[
            ["", "any"],
            ["new", "new"],
            ["learning", "learning"],
            ["review", "review"],
          ]}
        />
        <Select
          label="Due"
          value={dueChoice}
          disabled={disabled}
          onChange={(c) => {
            setShowRange(c === "range");
            if (c !== "range") set("due")(c);
          }}
          options={[
            ["", "any time"],
            ["today", "today (and overdue)"],
            ["overdue", "overdue"],
            ["range", "between dates…"],
          ]}
        />
        <Select label="Suspended" value={v("suspended")} disabled={disabled} onChange={set("suspended")} options={YES_NO} />
        <Select label="Buried" value={v("buried")} disabled={disabled} onChange={set("buried")} options={YES_NO} />
        <Select label="Leech" value={v("leech")} disabled={disabled} onChange={set("leech")} options={YES_NO} />
        <Select label="Flagged" value={v("flagged")} disabled={disabled} onChange={set("flagged")} options={YES_NO} />
        <Select
          label="Retired"
          value={v("retired")}
          disabled={disabled}
          onChange={set("retired")}
          options={[
            ["", "hidden"],
            ["only", "only retired"],
          ]}
        />
        <label className="flex flex-col text-xs text-stone-600 dark:text-stone-400">
          Lapses at least
          <input
            type="number"
            min={0}
            className={box}
            defaultValue={v("lapses")}
            key={v("lapses")}
            disabled={disabled}
            onKeyDown={(e) => e.key === "Enter" && set("lapses")((e.target as HTMLInputElement).value)}
            onBlur={(e) => e.target.value !== v("lapses") && set("lapses")(e.target.value)}
          />
        </label>
        {dueChoice === "range" && (
          <div className="col-span-2 flex items-end gap-1 text-xs text-stone-600 dark:text-stone-400">
            <label className="flex flex-col">
              from
              <input type="date" className={box} value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label className="flex flex-col">
              to
              <input type="date" className={box} value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
            <button
              type="button"
              className="rounded border border-stone-300 px-2 py-1 text-sm dark:border-stone-700"
              disabled={!from}
              onClick={() => set("due")(`${from}..${to && to >= from ? to : from}`)}
            >
              Apply
            </button>
          </div>
        )}
      </fieldset>
    </>
  );
}
