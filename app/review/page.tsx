// /review (all decks) and /review?deck=<key>: reads the first queue on the
// server, then the client component talks to the JSON API.
import Link from "next/link";
import { readQueue } from "@/lib/services/queue";
import { listDecks } from "@/lib/db/decks";
import { queueDto } from "@/lib/api/review-dto";
import { QUEUE_LIMIT } from "./api";
import { ReviewSession } from "./review-session";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).deck;
  const deck = typeof raw === "string" && raw.trim() !== "" ? raw.trim() : null;
  const r = readQueue({ deck, limit: QUEUE_LIMIT, now: new Date() });
  if (!r.ok) {
    return (
      <section className="mx-auto max-w-2xl">
        <h1 className="mb-3 text-xl font-semibold">Review</h1>
        <p role="alert">
          There is no deck “{deck}”.{" "}
          <Link href="/" className="text-red-700 underline dark:text-red-400">
            Choose a deck
          </Link>{" "}
          or{" "}
          <Link href="/review" className="text-red-700 underline dark:text-red-400">
            review all decks
          </Link>
          .
        </p>
      </section>
    );
  }
  const queue = queueDto(r.queue);
  const title = deck === null ? "all decks" : ((await listDecks()).find((d) => d.key === deck)?.title ?? deck);
  return <ReviewSession initialQueue={queue} deck={deck} title={title} />;
}
