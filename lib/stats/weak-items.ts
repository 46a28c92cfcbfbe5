/**
 * Pure: the "weakest first" list from the chosen items' notes and live cards.
 * An item's predicted recall is its weakest reviewed card's, at max(1,
 * elapsed) study days (the same "no card counts as just seen" rule as "cards
 * you would recall"): an item is as weak as its weakest card, and a mean
 * would let a strong sibling hide a forgotten one. Mastered cards as on the
 * rest of the page. Each card's curve is its deck's.
 */
import type { RecallCurve } from "../srs";
import type { WeakItem } from "./types";

export interface WeakNote {
  noteId: number;
  key: string;
  kind: string;
  topic: string;
  deckKey: string;
  name: string;
}

export interface WeakNoteCard {
  id: number;
  noteId: number;
  deckId: number;
  state: number;
  stability: number;
  last_review: number | null;
  lastRating: number | null;
}

export interface WeakItemsContext {
  today: number;
  dayIndex: (t: number) => number;
  curveOf: (deckId: number) => RecallCurve;
  masteryThreshold: number;
  masteryHorizonDays: number;
}

/** A weakest-first item, plus its note (for links and tests). */
export type WeakItemRow = WeakItem & { noteId: number };

/** By code point (SQLite's BINARY order of UTF-8 text). */
const byText = (a: string, b: string) => {
  const x = [...a].map((ch) => ch.codePointAt(0)!);
  const y = [...b].map((ch) => ch.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
};

/** Items by recall (lowest first; an item without a reviewed card first), then key. `cards` in id order. */
export function weakItems(notes: readonly WeakNote[], cards: readonly WeakNoteCard[], c: WeakItemsContext): WeakItemRow[] {
  const items = new Map<number, WeakItemRow>();
  for (const n of notes) {
    items.set(n.noteId, { ...n, cards: 0, reviewed: 0, mastered: 0, recall: null as unknown as number, weakestCardId: null as unknown as number, cardIds: [] });
  }
  for (const card of cards) {
    const item = items.get(card.noteId);
    if (!item) continue;
    item.cards++;
    item.cardIds.push(card.id);
    if (card.state === 0 || card.last_review === null || card.stability <= 0) continue;
    const { recall } = c.curveOf(card.deckId);
    const e = Math.max(0, c.today - c.dayIndex(card.last_review));
    const r1 = recall(Math.max(1, e), card.stability);
    item.reviewed++;
    if (card.lastRating !== 1 && recall(e + c.masteryHorizonDays, card.stability) >= c.masteryThreshold) item.mastered++;
    if (item.recall === null || r1 < item.recall) {
      item.recall = r1;
      item.weakestCardId = card.id;
    }
  }
  return [...items.values()].sort((a, b) => {
    if (a.recall !== b.recall) return a.recall === null ? -1 : b.recall === null ? 1 : a.recall - b.recall;
    return byText(a.key, b.key);
  });
}
