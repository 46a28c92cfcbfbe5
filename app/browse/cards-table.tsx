"use client";
// The browser's table: one row a card, a checkbox to select it, the row under
// the keyboard cursor highlighted. Narrow screens keep prompt, state and due.
import Link from "next/link";
import type { BrowseCardDto } from "@/lib/api/browse-schemas";

export const SORT_LABELS: Record<string, string> = {
  due: "due",
  interval: "interval",
  stability: "stability",
  difficulty: "difficulty",
  recall: "recall now",
  lapses: "lapses",
  lastReview: "last review",
  added: "added",
};

const STATE = ["new", "learning", "review", "relearning"];
const DAY = 86_400_000;

/** A date in the learner's zone; "now" for a moment already past (a card due since then is due now). */
function when(iso: string, now: string, tz: string, pastIsNow = false): string {
  const d = new Date(iso);
  if (pastIsNow && d.getTime() <= new Date(now).getTime() && d.getTime() > new Date(now).getTime() - DAY) return "now";
  return d.toLocaleDateString("en-GB", { timeZone: tz, day: "numeric", month: "short", year: "2-digit" });
}

function Badges({ c }: { c: BrowseCardDto }) {
  const b = (text: string, cls: string) => (
    <span key={text} className={`rounded px-1 text-[0.7rem] ${cls}`}>
      {text}
    </span>
  );
  return (
    <span className="flex flex-wrap gap-1">
      {b(STATE[c.state] ?? "?", "bg-stone-200 text-stone-700 dark:bg-stone-800 dark:text-stone-300")}
      {c.suspended && b("suspended", "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200")}
      {c.buried && b("buried", "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200")}
      {c.leech && b("leech", "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200")}
      {c.flag && b(`flag: ${c.flag}`, "bg-fuchsia-100 text-fuchsia-900 dark:bg-fuchsia-950 dark:text-fuchsia-200")}
      {c.retired && b("retired", "bg-stone-300 text-stone-800 dark:bg-stone-700 dark:text-stone-200")}
    </span>
  );
}

/** A column header; a sortable one is a button that sorts by it (again: the other way). */
function Th({
  sort,
  children,
  wide,
  current,
  dir,
  onSort,
}: {
  sort?: string;
  children: React.ReactNode;
  wide?: boolean;
  current: string;
  dir: "asc" | "desc";
  onSort: (s: string) => void;
}) {
  return (
    <th
      scope="col"
      className={`whitespace-nowrap px-1 py-1 font-medium ${wide ? "" : "hidden md:table-cell"}`}
      aria-sort={sort && current === sort ? (dir === "asc" ? "ascending" : "descending") : undefined}
    >
      {sort ? (
        <button type="button" className="hover:underline" onClick={() => onSort(sort)}>
          {children}
          {current === sort ? (dir === "asc" ? " ↑" : " ↓") : ""}
        </button>
      ) : (
        children
      )}
    </th>
  );
}

export function CardsTable(props: {
  cards: BrowseCardDto[];
  cursor: number;
  selected: Set<number>;
  onToggle: (id: number) => void;
  onToggleAll: (on: boolean) => void;
  onCursor: (i: number) => void;
  sort: string;
  dir: "asc" | "desc";
  onSort: (sort: string) => void;
  timezone: string;
  now: string;
}) {
  const { cards } = props;
  if (cards.length === 0)
    return (
      <p className="py-6 text-center text-sm" data-testid="no-cards">
        No cards match.
      </p>
    );
  const allOn = cards.every((c) => props.selected.has(c.id));
  const th = { current: props.sort, dir: props.dir, onSort: props.onSort };
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="cards">
        <thead className="border-b border-stone-300 text-xs text-stone-600 dark:border-stone-700 dark:text-stone-400">
          <tr>
            <th scope="col" className="w-7 px-1">
              <input type="checkbox" aria-label="select every card on this page" checked={allOn} onChange={(e) => props.onToggleAll(e.target.checked)} />
            </th>
            <Th wide {...th}>
              card
            </Th>
            <Th wide {...th}>
              state
            </Th>
            <Th sort="due" wide {...th}>
              due
            </Th>
            <Th sort="interval" {...th}>
              ivl
            </Th>
            <Th sort="stability" {...th}>
              stab.
            </Th>
            <Th sort="difficulty" {...th}>
              diff.
            </Th>
            <Th sort="recall" {...th}>
              recall
            </Th>
            <Th sort="lapses" {...th}>
              lapses
            </Th>
            <Th sort="lastReview" {...th}>
              last review
            </Th>
          </tr>
        </thead>
        <tbody>
          {cards.map((c, i) => {
            const reviewed = c.state !== 0;
            return (
              <tr
                key={c.id}
                data-row={i}
                data-card-id={c.id}
                aria-selected={props.selected.has(c.id)}
                data-cursor={i === props.cursor ? "" : undefined}
                onClick={() => props.onCursor(i)}
                className={`border-b border-stone-100 align-top dark:border-stone-900 ${i === props.cursor ? "bg-amber-50 outline outline-1 outline-amber-400 dark:bg-amber-950/40" : ""} ${props.selected.has(c.id) ? "bg-red-50 dark:bg-red-950/30" : ""}`}
              >
                <td className="px-1 py-1">
                  <input type="checkbox" aria-label={`select card ${c.id}`} checked={props.selected.has(c.id)} onChange={() => props.onToggle(c.id)} />
                </td>
                <td className="px-1 py-1">
                  <Link href={`/cards/${c.id}`} className="line-clamp-2 hover:underline" data-testid="card-link">
                    {c.prompt}
                  </Link>
                  <span className="line-clamp-1 text-xs text-stone-500">
                    {c.answer} · {c.deckTitle} · {c.kind}
                  </span>
                </td>
                <td className="px-1 py-1">
                  <Badges c={c} />
                </td>
                <td className="px-1 py-1 whitespace-nowrap">{reviewed ? when(c.due, props.now, props.timezone, true) : "new"}</td>
                <td className="hidden px-1 py-1 md:table-cell">{reviewed ? `${c.interval} d` : "—"}</td>
                <td className="hidden px-1 py-1 md:table-cell">{reviewed ? c.stability.toFixed(1) : "—"}</td>
                <td className="hidden px-1 py-1 md:table-cell">{reviewed ? c.difficulty.toFixed(1) : "—"}</td>
                <td className="hidden px-1 py-1 md:table-cell">{c.recall === null ? "—" : `${Math.round(c.recall * 100)}%`}</td>
                <td className="hidden px-1 py-1 md:table-cell">{c.lapses}</td>
                <td className="hidden px-1 py-1 md:table-cell">{c.lastReview ? when(c.lastReview, props.now, props.timezone) : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
