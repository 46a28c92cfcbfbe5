// The /progress page's data, as the page's server component runs it: the
// decks for the chips (key and title only — the card counts of listDecks cost
// a pass over every card) and the statistics (one deck or all). Also what
// `npm run bench` times as "/progress data".
import { sqlite } from "../db/sqlite";
import { listStatsDecks, type DeckRow } from "../db/stats-queries";
import type { Stats } from "../stats";
import { readStats } from "./stats";

export type ProgressPage = { kind: "ok"; decks: DeckRow[]; stats: Stats } | { kind: "not-found"; deckKey: string; decks: DeckRow[] };

export async function getProgressPage(input: { deckKey?: string; now: Date }): Promise<ProgressPage> {
  const decks = await listStatsDecks(sqlite());
  const r = await readStats(input);
  return r.ok ? { kind: "ok", decks, stats: r.stats } : { kind: "not-found", deckKey: input.deckKey ?? "", decks };
}
