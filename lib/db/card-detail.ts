// One card with its note, deck and full answer history, for /cards/{id}.
import { stmt } from "./sqlite";
import { CARD_COLUMNS, toCardRow, type RawCard } from "./card-rows";
import type { CardRow } from "../srs";

export type HistoryEntry = {
  reviewedAt: Date;
  source: string;
  rating: number;
  durationMs: number;
  /** State before the answer. */
  stateBefore: number;
  /** What the answer left: the next due date, stability and difficulty. */
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
};

export type CardDetail = {
  card: CardRow;
  deck: { key: string; title: string };
  note: { key: string; kind: string; topic: string; sourceQuote: string; sourceLine: number | null };
  history: HistoryEntry[];
};

type LogRow = { reviewedAt: number; source: string; rating: number; durationMs: number; state: number; snapshot: string };

export function getCardDetail(id: number): CardDetail | null {
  const raw = stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE id = ?`).get(id) as RawCard | undefined;
  if (!raw) return null;
  const deck = stmt(`SELECT key, title FROM Deck WHERE id = ?`).get(raw.deckId) as { key: string; title: string };
  const note = stmt(`SELECT key, kind, topic, sourceQuote, sourceLine FROM Note WHERE id = ?`).get(raw.noteId) as CardDetail["note"];
  const logs = stmt(`SELECT reviewedAt, source, rating, durationMs, state, snapshot FROM ReviewLog WHERE cardId = ? ORDER BY reviewedAt, id`).all(
    id,
  ) as LogRow[];
  // A log stores the card before its answer, so what answer i left behind is
  // the snapshot of answer i+1 — or the card as it is now, after the last one.
  const after = [...logs.slice(1).map((l) => (JSON.parse(l.snapshot) as { card: RawCard }).card), raw];
  const history = logs.map((l, i) => {
    const a = after[i]!;
    return {
      reviewedAt: new Date(l.reviewedAt),
      source: l.source,
      rating: l.rating,
      durationMs: l.durationMs,
      stateBefore: l.state,
      due: new Date(a.due),
      stability: a.stability,
      difficulty: a.difficulty,
      scheduledDays: a.scheduled_days,
    };
  });
  return { card: toCardRow(raw), deck, note, history };
}
