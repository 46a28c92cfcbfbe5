import Link from "next/link";
import { homeDecks } from "@/lib/services/home";
import { CountsBar } from "./review/counts-bar";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const now = new Date();
  // The same function as the review page's header and GET /api/v1/queue: the numbers agree by construction.
  const decks = await homeDecks(now);
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
              <div className="mt-2 flex flex-wrap items-baseline gap-x-4 gap-y-1" data-testid="deck-due">
                <CountsBar counts={d.due} current={null} label={`Due today in ${d.title}`} />
                <span className="text-xs text-stone-500">{d.dueTomorrow} due tomorrow</span>
              </div>
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
