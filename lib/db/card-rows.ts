// Card rows as read with raw SQL (dates are epoch ms, booleans 0/1) → CardRow.
import type { CardRow } from "../srs";

export type RawCard = {
  id: number;
  noteId: number;
  deckId: number;
  kind: string;
  payload: string;
  position: number;
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review: number | null;
  suspended: number;
  buriedUntil: number | null;
  leech: number;
  retired: number;
  /** Kept in undo snapshots so an undone card looks untouched to the next undo. */
  updatedAt: number;
};

export const CARD_COLUMNS = `id, noteId, deckId, kind, payload, position, due, stability, difficulty, elapsed_days,
  scheduled_days, learning_steps, reps, lapses, state, last_review, suspended, buriedUntil, leech, retired, updatedAt`;

export function toCardRow({ updatedAt: _u, ...r }: RawCard): CardRow {
  return {
    ...r,
    due: new Date(r.due),
    last_review: r.last_review == null ? null : new Date(r.last_review),
    buriedUntil: r.buriedUntil == null ? null : new Date(r.buriedUntil),
    suspended: r.suspended === 1,
    leech: r.leech === 1,
    retired: r.retired === 1,
  };
}
