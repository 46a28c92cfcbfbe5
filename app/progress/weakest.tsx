// "What to do next": the items with the lowest predicted recall, weakest
// first, each linking to its weakest card and to a quiz or review on it.
import Link from "next/link";
import type { Stats, WeakItem } from "@/lib/stats";

const KIND: Record<string, string> = { term: "term", takeaway: "takeaway", tldr: "TL;DR point", stage: "stage", method: "method" };
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A quiz on exactly the item's cards (the quiz page's `cards` parameter). */
export function quizHref(w: Pick<WeakItem, "deckKey" | "topic" | "cardIds">) {
  return `/quiz?deck=${encodeURIComponent(w.deckKey)}&topic=${encodeURIComponent(w.topic)}&cards=${w.cardIds.slice(0, 20).join(",")}`;
}

export function Weakest({ stats, deck }: { stats: Stats; deck: string | undefined }) {
  const items = stats.weakest;
  const reviewHref = deck ? `/review?deck=${encodeURIComponent(deck)}` : "/review";
  return (
    <section aria-labelledby="weak-h" className="space-y-3">
      <h2 id="weak-h" className="text-lg font-medium">
        What to do next: weakest first
      </h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Terms, takeaways and pipeline stages you have studied, ordered by the predicted recall of their weakest card (as of tomorrow at the earliest).
      </p>
      {items.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-4 text-sm dark:border-stone-700" data-testid="weakest-empty">
          Nothing studied yet.{" "}
          <Link href={reviewHref} className="font-medium text-red-700 underline dark:text-red-400">
            Review your first cards
          </Link>{" "}
          and the items you are most likely to forget appear here.
        </p>
      ) : (
        <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 dark:divide-stone-800 dark:border-stone-800" data-testid="weakest">
          {items.map((w) => (
            <li key={`${w.deckKey}/${w.key}`} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-3 text-sm">
              <span className="min-w-0 basis-full sm:flex-1 sm:basis-auto">
                <Link href={`/cards/${w.weakestCardId}`} className="font-medium underline decoration-stone-400 underline-offset-2 hover:decoration-red-700">
                  {w.name}
                </Link>
                <span className="ml-2 text-xs text-stone-500">{KIND[w.kind] ?? w.kind}</span>
              </span>
              <span className="tabular-nums" title="predicted recall of its weakest card">
                {pct(w.recall)}
              </span>
              <span className="text-xs text-stone-500 tabular-nums">
                {w.mastered}/{w.cards} mastered
              </span>
              <span className="flex gap-2">
                <Link href={quizHref(w)} className="rounded border border-stone-300 px-2 py-0.5 text-xs hover:border-red-700 dark:border-stone-700">
                  Quiz it
                </Link>
                <Link
                  href={`/review?deck=${encodeURIComponent(w.deckKey)}`}
                  className="rounded border border-stone-300 px-2 py-0.5 text-xs hover:border-red-700 dark:border-stone-700"
                >
                  Review deck
                </Link>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
