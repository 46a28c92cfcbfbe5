// Learners' flags on cards (CardFlag): one open flag a card at most.
import { stmt } from "./sqlite";
import type { FlagReason } from "./bulk-actions";

export type Flag = { reason: FlagReason; note: string; createdAt: number };

export function cardExists(id: number): boolean {
  return stmt(`SELECT 1 FROM Card WHERE id = ?`).get(id) !== undefined;
}

export function getFlag(cardId: number): Flag | null {
  return (stmt(`SELECT reason, note, createdAt FROM CardFlag WHERE cardId = ?`).get(cardId) as Flag | undefined) ?? null;
}

/** The flags of some cards (the few a queue shows), by card id; cards without one are absent. */
export function flagsOf(cardIds: readonly number[]): Map<number, Flag> {
  if (cardIds.length === 0) return new Map();
  const rows = stmt(`SELECT cardId, reason, note, createdAt FROM CardFlag WHERE cardId IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(cardIds),
  ) as (Flag & { cardId: number })[];
  return new Map(rows.map(({ cardId, ...f }) => [cardId, f]));
}

export function putFlag(cardId: number, reason: FlagReason, note: string, now: number): Flag {
  stmt(
    `INSERT INTO CardFlag (cardId, reason, note, createdAt) VALUES (?, ?, ?, ?)
     ON CONFLICT (cardId) DO UPDATE SET reason = excluded.reason, note = excluded.note, createdAt = excluded.createdAt`,
  ).run(cardId, reason, note, now);
  return { reason, note, createdAt: now };
}

export function deleteFlag(cardId: number): void {
  stmt(`DELETE FROM CardFlag WHERE cardId = ?`).run(cardId);
}

export type FlagReport = {
  cardId: number;
  deck: string;
  noteKey: string;
  kind: string;
  prompt: string;
  reason: FlagReason;
  note: string;
  flaggedAt: string;
  /** The content file and line the card's item was read from. */
  source: string;
};

/** Every flagged card with where its content lives, for the deck's author. */
export function flagReports(): FlagReport[] {
  const rows = stmt(
    `SELECT c.id AS cardId, d.key AS deck, n.key AS noteKey, c.kind, CASE WHEN json_valid(c.payload) THEN json_extract(c.payload, '$.prompt') END AS prompt,
            f.reason, f.note, f.createdAt, CASE WHEN json_valid(c.payload) THEN json_extract(c.payload, '$.source.file') END AS file, coalesce(CASE WHEN json_valid(c.payload) THEN json_extract(c.payload, '$.source.line') END, n.sourceLine) AS line
       FROM CardFlag f JOIN Card c ON c.id = f.cardId JOIN Note n ON n.id = c.noteId JOIN Deck d ON d.id = c.deckId
      ORDER BY d.key, n.key, c.kind`,
  ).all() as (Omit<FlagReport, "source" | "flaggedAt"> & { createdAt: number; file: string | null; line: number | null })[];
  return rows.map(({ createdAt, file, line, ...r }) => ({ ...r, flaggedAt: new Date(createdAt).toISOString(), source: `${file ?? "?"}:${line ?? "?"}` }));
}
