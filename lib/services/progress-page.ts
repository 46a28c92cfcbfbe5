// The /progress page's data, as the page's server component runs it: the deck
// list for the chips and the statistics (one deck or all). Also what
// `npm run bench` times as "progress page data".
import { listDecks, type DeckSummary } from "../db/decks";
import type { Stats } from "../stats";
import { readStats } from "./stats";

export type ProgressPage = { kind: "ok"; decks: DeckSummary[]; stats: Stats } | { kind: "not-found"; deckKey: string; decks: DeckSummary[] };

export async function getProgressPage(input: { deckKey?: string; now: Date }): Promise<ProgressPage> {
  const decks = await listDecks();
  const r = await readStats(input);
  return r.ok ? { kind: "ok", decks, stats: r.stats } : { kind: "not-found", deckKey: input.deckKey ?? "", decks };
}
