import { db } from "./client";
import { stmt } from "./sqlite";

export type DeckSummary = { id: number; key: string; title: string; total: number; cards: Record<string, number> };

/** Decks with their live (not retired) card counts by kind, in one grouped query. */
export async function listDecks(): Promise<DeckSummary[]> {
  const [decks, groups] = await Promise.all([
    db().deck.findMany({ orderBy: { title: "asc" } }),
    db().card.groupBy({ by: ["deckId", "kind"], where: { retired: false }, _count: { _all: true } }),
  ]);
  return decks.map((d) => {
    const cards: Record<string, number> = {};
    let total = 0;
    for (const g of groups) {
      if (g.deckId !== d.id) continue;
      cards[g.kind] = g._count._all;
      total += g._count._all;
    }
    return { id: d.id, key: d.key, title: d.title, total, cards };
  });
}

export type DeckRef = { id: number; key: string; title: string; sourceFile: string };

/** The one lookup of a deck by its key (queue, undo, quiz, stats, review page). */
export function findDeckByKey(key: string): DeckRef | null {
  return (stmt(`SELECT id, key, title, sourceFile FROM Deck WHERE key = ?`).get(key) as DeckRef | undefined) ?? null;
}
