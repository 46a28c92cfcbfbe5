import Link from "next/link";
import { listDecks } from "@/lib/db/decks";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const decks = await listDecks();
  return (
    <section aria-labelledby="decks-heading">
      <h1 id="decks-heading" className="mb-6 text-2xl font-semibold">
        Decks
      </h1>
      {decks.length === 0 ? (
        <p>No decks yet. Add a talk under content/ and run npm run content:sync.</p>
      ) : (
        <ul className="space-y-4">
          {decks.map((d) => (
            <li key={d.key} className="rounded-lg border border-stone-200 p-4 dark:border-stone-800" data-testid="deck">
              <div className="flex items-baseline justify-between gap-4">
                <h2 className="text-lg font-medium">{d.title}</h2>
                <span className="text-sm text-stone-600 dark:text-stone-400">
                  <span data-testid="deck-total">{d.total}</span> cards
                </span>
              </div>
              {Object.keys(d.cards).length > 0 && (
                <ul className="mt-2 flex flex-wrap gap-2 text-xs" aria-label={`Cards by kind in ${d.title}`}>
                  {Object.entries(d.cards).map(([kind, n]) => (
                    <li key={kind} className="rounded bg-stone-100 px-2 py-0.5 dark:bg-stone-800">
                      {kind}: {n}
                    </li>
                  ))}
                </ul>
              )}
              <div className="mt-3 flex gap-3 text-sm">
                <Link className="text-red-700 underline dark:text-red-400" href={`/review?deck=${encodeURIComponent(d.key)}`}>
                  Review
                </Link>
                <Link className="text-red-700 underline dark:text-red-400" href={`/quiz?deck=${encodeURIComponent(d.key)}`}>
                  Quiz
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
