/**
 * SQL for lib/stats: the rows behind the "weakest first" list. The weakest
 * items are chosen in the card pass (lib/stats/card-tally.ts keeps the
 * weakest cards); these two small queries read the chosen notes and all of
 * their live cards, and lib/stats/weak-items.ts works out each item's recall.
 */
import type { WeakNote, WeakNoteCard } from "../stats/weak-items";
import type { Db } from "./stats-queries";
import { prepared } from "./sqlite";

// The rows are exactly what lib/stats/weak-items.ts takes: one definition, there.
export type WeakNoteRow = WeakNote;
export type WeakCardRow = WeakNoteCard;

/** The notes with these ids (any order). */
export function weakNotes(client: Db, noteIds: readonly number[]): WeakNoteRow[] {
  if (noteIds.length === 0) return [];
  const rows = prepared(
    client,
    `SELECT n.id AS noteId, n.key AS key, n.kind AS kind, n.topic AS topic, d.key AS deckKey,
            coalesce(json_extract(n.fields, '$.term'), json_extract(n.fields, '$.title'), json_extract(n.fields, '$.name'),
                     json_extract(n.fields, '$.text'), n.key) AS name
       FROM "Note" n JOIN "Deck" d ON d.id = n.deckId
      WHERE n.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(noteIds)) as (Omit<WeakNoteRow, "name"> & { name: unknown })[];
  return rows.map((r) => ({ ...r, name: String(r.name) }));
}

/** The live cards of these notes, by id. */
export function weakNoteCards(client: Db, noteIds: readonly number[]): WeakCardRow[] {
  if (noteIds.length === 0) return [];
  return prepared(
    client,
    `SELECT id, noteId, deckId, state, stability, last_review, lastRating FROM "Card"
      WHERE noteId IN (SELECT value FROM json_each(?)) AND +retired = 0
      ORDER BY id`,
  ).all(JSON.stringify(noteIds)) as WeakCardRow[];
}
