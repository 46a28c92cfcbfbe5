"use client";
// The card browser: search box, filter controls, the table of cards, the
// selection and its bulk actions. Everything that decides which cards show is
// in the URL; navigating re-renders the server page. Keys: / focuses the
// search, j / k move, Enter opens the card, x selects.
import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { Term } from "@/lib/browse/query";
import type { BrowseCardDto } from "@/lib/api/browse-schemas";
import type { BrowseFacets } from "@/lib/db/browse";
import { Kbd } from "@/app/components/kbd";
import { browseHref, type BrowseParams } from "./href";
import { FilterBar } from "./filter-bar";
import { BulkBar } from "./bulk-bar";
import { CardsTable, SORT_LABELS } from "./cards-table";

type Result = { cards: BrowseCardDto[]; total: number; page: number; pages: number };

/** Typing targets: keys there are text, not shortcuts (a row's checkbox is not one). */
function isField(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t instanceof HTMLInputElement) return t.type !== "checkbox";
  return t.isContentEditable || ["TEXTAREA", "SELECT"].includes(t.tagName);
}

/** Enter on a button, link or checkbox is that control's own. */
const ownsEnter = (t: EventTarget | null) => t instanceof HTMLElement && (["BUTTON", "A", "SUMMARY"].includes(t.tagName) || t instanceof HTMLInputElement);

export function BrowseView(props: {
  params: BrowseParams;
  result: Result | null;
  error: { message: string; position: number } | null;
  terms: Term[];
  facets: BrowseFacets;
  timezone: string;
  now: string;
}) {
  const { params, result, error } = props;
  const router = useRouter();
  const search = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(params.q);
  const [cursor, setCursor] = useState(0);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const cards = result?.cards ?? [];

  // A new URL (search, filter, page, back button) shows new rows: the text box
  // follows, the cursor starts over; the selection survives paging, not a new search.
  const url = browseHref(params);
  const [shownUrl, setShownUrl] = useState(url);
  const [shownQ, setShownQ] = useState(params.q);
  if (url !== shownUrl) {
    setShownUrl(url);
    setText(params.q);
    setCursor(0);
  }
  if (params.q !== shownQ) {
    setShownQ(params.q);
    setSelected(new Set());
  }

  const go = useCallback((p: Partial<BrowseParams>) => router.push(browseHref({ ...params, page: 1, ...p })), [params, router]);

  const toggle = useCallback((id: number) => {
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "Escape" && e.target === search.current) {
        search.current?.blur();
        return;
      }
      if (isField(e.target)) return;
      if (e.key === "/") {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      } else if (e.key === "j" || e.key === "ArrowDown") {
        e.preventDefault();
        setCursor((c) => Math.min(c + 1, Math.max(0, cards.length - 1)));
      } else if (e.key === "k" || e.key === "ArrowUp") {
        e.preventDefault();
        setCursor((c) => Math.max(0, c - 1));
      } else if (e.key === "Enter" && cards[cursor] && !ownsEnter(e.target)) {
        router.push(`/cards/${cards[cursor].id}`);
      } else if (e.key === "x" && cards[cursor]) {
        toggle(cards[cursor].id);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [cards, cursor, router, toggle]);

  useEffect(() => {
    document.querySelector(`[data-row="${cursor}"]`)?.scrollIntoView({ block: "nearest" });
  }, [cursor]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Browse</h1>
        <p className="text-xs text-stone-500">
          <Kbd>/</Kbd> search · <Kbd>j</Kbd>/<Kbd>k</Kbd> move · <Kbd>Enter</Kbd> open · <Kbd>x</Kbd> select
        </p>
      </div>

      <search>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            go({ q: text });
            search.current?.blur();
          }}
          className="flex gap-2"
        >
          <label htmlFor="browse-q" className="sr-only">
            Search cards
          </label>
          <input
            id="browse-q"
            ref={search}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder='words, "a phrase", is:due, deck:…, prop:lapses>3, -word'
            className="min-w-0 flex-1 rounded border border-stone-300 bg-white px-3 py-2 dark:border-stone-700 dark:bg-stone-900"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "browse-error" : "search-help"}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="rounded bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800">
            Search
          </button>
        </form>
      </search>
      <details id="search-help" className="text-sm text-stone-600 dark:text-stone-400">
        <summary className="cursor-pointer">Search syntax</summary>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          <li>
            <code>reward model</code> both words (prefixes: <code>reinf</code> finds “reinforcement”); <code>&quot;human feedback&quot;</code> the phrase;{" "}
            <code>-word</code> without it
          </li>
          <li>
            <code>is:due</code> <code>is:overdue</code> <code>is:new</code> <code>is:learn</code> <code>is:review</code> <code>is:suspended</code>{" "}
            <code>is:buried</code> <code>is:leech</code> <code>is:flagged</code> <code>is:retired</code>
          </li>
          <li>
            <code>deck:claude*</code> <code>topic:vocabulary</code> <code>kind:takeaway-cloze</code> <code>due:2026-12-01..2026-12-31</code>
          </li>
          <li>
            <code>prop:lapses&gt;3</code> <code>prop:ivl&gt;=30</code> <code>prop:due&lt;0</code> (days from today) <code>prop:stability&gt;10</code>{" "}
            <code>prop:difficulty&gt;7</code> <code>prop:r&lt;0.8</code> (recall now)
          </li>
        </ul>
      </details>

      {error && (
        <p
          id="browse-error"
          role="alert"
          data-testid="query-error"
          className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          Cannot search: {error.message}
        </p>
      )}

      <FilterBar q={params.q} terms={props.terms} facets={props.facets} disabled={!!error} onChange={(q) => go({ q })} />

      <div className="flex flex-wrap items-center gap-3 text-sm">
        <p data-testid="total">{result ? `${result.total.toLocaleString("en")} card${result.total === 1 ? "" : "s"}` : "—"}</p>
        <label className="ml-auto flex items-center gap-1">
          Sort
          <select
            value={params.sort}
            onChange={(e) => go({ sort: e.target.value })}
            className="rounded border border-stone-300 bg-white px-1 py-1 dark:border-stone-700 dark:bg-stone-900"
          >
            {Object.entries(SORT_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => go({ dir: params.dir === "asc" ? "desc" : "asc" })}
          className="rounded border border-stone-300 px-2 py-1 dark:border-stone-700"
          aria-label={params.dir === "asc" ? "ascending; sort descending" : "descending; sort ascending"}
        >
          {params.dir === "asc" ? "↑ asc" : "↓ desc"}
        </button>
      </div>

      <BulkBar
        selected={[...selected]}
        q={params.q}
        total={result?.total ?? 0}
        onDone={() => {
          setSelected(new Set());
          router.refresh();
        }}
      />

      {result && (
        <CardsTable
          cards={cards}
          cursor={cursor}
          selected={selected}
          onToggle={toggle}
          onToggleAll={(on) =>
            setSelected((s) => {
              const n = new Set(s);
              for (const c of cards) {
                if (on) n.add(c.id);
                else n.delete(c.id);
              }
              return n;
            })
          }
          onCursor={setCursor}
          sort={params.sort}
          dir={params.dir}
          onSort={(sort) => go({ sort, dir: sort === params.sort && params.dir === "asc" ? "desc" : "asc" })}
          timezone={props.timezone}
          now={props.now}
        />
      )}

      {result && result.pages > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-center gap-4 text-sm">
          {result.page > 1 ? (
            <Link className="underline" href={browseHref({ ...params, page: result.page - 1 })}>
              ← previous
            </Link>
          ) : (
            <span className="text-stone-400">← previous</span>
          )}
          <span>
            page {result.page} of {result.pages}
          </span>
          {result.page < result.pages ? (
            <Link className="underline" href={browseHref({ ...params, page: result.page + 1 })}>
              next →
            </Link>
          ) : (
            <span className="text-stone-400">next →</span>
          )}
        </nav>
      )}
    </div>
  );
}
