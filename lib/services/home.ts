// Use case: the home page's deck list, each deck with the counts the review page's header shows for it
// (getQueue, so the counts come from ./study-counts.ts like every other page's).
import { listDecks, type DeckSummary } from "../db/decks";
import type { QueueCounts } from "../srs";
import { getQueue } from "./queue";
import type { StudyCounts } from "./study-counts";

export type HomeDeck = DeckSummary & { due: QueueCounts; study: StudyCounts; dueTomorrow: number };

export async function homeDecks(now: Date): Promise<HomeDeck[]> {
  return (await listDecks()).map((d) => {
    const q = getQueue({ deckId: d.id, limit: 0, now });
    return { ...d, due: q.counts, study: q.study, dueTomorrow: q.dueTomorrow };
  });
}
