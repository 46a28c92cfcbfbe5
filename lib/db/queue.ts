// Reads what lib/srs's buildQueue needs, pre-filtered in SQL so the queue stays
// fast at 100k cards (see the "WHAT THE CALLER MUST PASS" note in lib/srs/queue.ts).
import { buildQueue, previewIntervals, queueWindow, type CardRow, type IntervalPreview, type QueueCounts, type Settings } from "../srs";
import { getSettings } from "./settings";
import { stmt } from "./sqlite";
import { CARD_COLUMNS, toCardRow, type RawCard } from "./card-rows";

// Siblings and burials can skip candidates; fetch this many extra.
const HEADROOM = 50;

export type QueueCard = { card: CardRow; previews: IntervalPreview[] };
export type Queue = {
  cards: QueueCard[];
  counts: QueueCounts;
  nextDue: Date | null;
  dueTomorrow: number;
  learningLater: { count: number; nextDue: Date } | null;
  today: string;
  nextDayStart: Date;
};

export function deckIdOf(key: string): number | null {
  const r = stmt(`SELECT id FROM Deck WHERE key = ?`).get(key) as { id: number } | undefined;
  return r?.id ?? null;
}

export function getQueue(opts: { deckId: number | null; limit: number; now: Date; settings?: Settings }): Queue {
  const { deckId, limit, now } = opts;
  const settings = opts.settings ?? getSettings();
  const win = queueWindow(now, settings);
  const todayStart = win.todayStart.getTime();
  // `deckId IS NULL` in SQL would defeat the index; 0 never matches a deck.
  const deck = deckId ?? 0;
  const inDeck = deckId === null ? "" : "AND deckId = ?";
  const args = deckId === null ? [] : [deck];

  const today = stmt(
    `SELECT
       coalesce(sum(CASE WHEN l.state = 0 THEN 1 ELSE 0 END), 0) AS newToday,
       coalesce(sum(CASE WHEN l.state = 2 THEN 1 ELSE 0 END), 0) AS reviewsToday
     FROM ReviewLog l ${deckId === null ? "" : "JOIN Card c ON c.id = l.cardId"}
     WHERE l.reviewedAt >= ? ${deckId === null ? "" : "AND c.deckId = ?"}`,
  ).get(todayStart, ...args) as { newToday: number; reviewsToday: number };
  const notesToday = (
    stmt(`SELECT DISTINCT c.noteId AS noteId FROM ReviewLog l JOIN Card c ON c.id = l.cardId WHERE l.reviewedAt >= ? ${deckId === null ? "" : "AND c.deckId = ?"}`).all(todayStart, ...args) as { noteId: number }[]
  ).map((r) => r.noteId);

  const live = `retired = 0 AND suspended = 0 AND leech = 0`;
  const reviewBudget = Math.max(0, settings.reviewsPerDay - today.reviewsToday) + HEADROOM;
  const newBudget = Math.max(0, settings.newPerDay - today.newToday) + HEADROOM;
  const newRows = stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE state = 0 AND (buriedUntil IS NULL OR buriedUntil <= ?) AND ${live} ${inDeck} ORDER BY position, id LIMIT ?`).all(now.getTime(), ...args, newBudget) as RawCard[];
  const rows: RawCard[] = [
    ...(stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE state IN (1, 3) AND due < ? AND ${live} ${inDeck}`).all(win.dayAfterStart.getTime(), ...args) as RawCard[]),
    ...(stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE state = 2 AND due < ? AND ${live} ${inDeck} ORDER BY due, id LIMIT ?`).all(win.nextDayStart.getTime(), ...args, reviewBudget) as RawCard[]),
    ...(stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE state = 2 AND due >= ? AND due < ? AND ${live} ${inDeck}`).all(win.nextDayStart.getTime(), win.dayAfterStart.getTime(), ...args) as RawCard[]),
    ...newRows,
  ];
  if (newRows.length < newBudget) {
    // Every unburied new card was fetched: pass the buried one that comes back
    // first too, so `nextDue` says "tomorrow" when only buried siblings are left.
    const buried = stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE state = 0 AND buriedUntil > ? AND ${live} ${inDeck} ORDER BY buriedUntil LIMIT 1`).get(now.getTime(), ...args) as RawCard | undefined;
    if (buried) rows.push(buried);
  }
  if (!rows.some((r) => r.state !== 0 && r.due < win.dayAfterStart.getTime())) {
    const later = stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE state != 0 AND due >= ? AND ${live} ${inDeck} ORDER BY due LIMIT 1`).get(win.dayAfterStart.getTime(), ...args) as RawCard | undefined;
    if (later) rows.push(later);
  }

  const q = buildQueue({
    cards: rows.map(toCardRow),
    now,
    settings,
    newIntroducedToday: today.newToday,
    reviewsDoneToday: today.reviewsToday,
    notesAnsweredToday: notesToday,
    limit,
  });
  return {
    cards: q.items.map((card) => ({ card, previews: previewIntervals(card, settings, now) })),
    counts: q.counts,
    nextDue: q.nextDue,
    dueTomorrow: q.dueTomorrow,
    learningLater: q.learningLater,
    today: q.today,
    nextDayStart: q.nextDayStart,
  };
}
