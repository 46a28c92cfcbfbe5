// Bulk actions on many cards: which of the selected cards an action changes,
// and the writes themselves. lib/services/bulk.ts runs them in one
// transaction and records the changed rows on the session's undo stack
// (lib/db/actions.ts), so undo is the stack's generic one.
import { sqlite, stmt } from "./sqlite";

export const CARD_ACTIONS = ["suspend", "unsuspend", "bury", "unbury", "forget", "set-due"] as const;
export const FLAG_ACTIONS = ["flag", "unflag"] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];
export type FlagAction = (typeof FLAG_ACTIONS)[number];
export type BulkKind = CardAction | FlagAction;

export const FLAG_REASONS = ["wrong", "ambiguous", "typo", "other"] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** Which of the selected cards an action changes (the rest are left alone and not recorded). */
const APPLIES: Record<CardAction, string> = {
  suspend: "retired = 0 AND suspended = 0",
  unsuspend: "suspended = 1 OR leech = 1",
  bury: "retired = 0 AND (buriedUntil IS NULL OR buriedUntil < :until)",
  unbury: "buriedUntil IS NOT NULL AND buriedUntil > :now",
  forget: "state <> 0 OR reps <> 0",
  "set-due": "retired = 0 AND state <> 0",
};

const json = (list: readonly number[]) => JSON.stringify(list);

/** The columns each card action writes: all that its undo needs to read and restore (writeCardAction below). */
export const WRITTEN_COLUMNS: Record<CardAction, readonly string[]> = {
  suspend: ["suspended", "updatedAt"],
  unsuspend: ["suspended", "leech", "updatedAt"],
  bury: ["buriedUntil", "updatedAt"],
  unbury: ["buriedUntil", "updatedAt"],
  forget: ["due", "stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses", "state", "last_review", "updatedAt"],
  "set-due": ["due", "scheduled_days", "updatedAt"],
};

/** The selected cards the action would change, by id. */
export function cardsToChange(action: CardAction, ids: readonly number[], now: number, until?: number): number[] {
  const where = APPLIES[action];
  return stmt(`SELECT id FROM Card WHERE id IN (SELECT value FROM json_each(:ids)) AND (${where}) ORDER BY id`)
    .pluck()
    .all({ ids: json(ids), ...(where.includes(":until") ? { until } : {}), ...(where.includes(":now") ? { now } : {}) }) as number[];
}

export type CardWrite = {
  action: CardAction;
  ids: readonly number[];
  now: number;
  /** bury: the start of the next study day. */
  until?: number;
  /** set-due: the new due instant of each card (given the card's id and last review). */
  dueOf?: (id: number, lastReview: number | null) => { due: number; scheduledDays: number };
};

/** Writes a card action on `ids` (already filtered by cardsToChange). */
export function writeCardAction(c: CardWrite): void {
  const db = sqlite();
  const ids = json(c.ids);
  switch (c.action) {
    case "suspend":
      db.prepare(`UPDATE Card SET suspended = 1, updatedAt = ? WHERE id IN (SELECT value FROM json_each(?))`).run(c.now, ids);
      return;
    case "unsuspend":
      // As the single-card unsuspend: a leech is suspended by being a leech, so unsuspending clears both.
      db.prepare(`UPDATE Card SET suspended = 0, leech = 0, updatedAt = ? WHERE id IN (SELECT value FROM json_each(?))`).run(c.now, ids);
      return;
    case "bury":
      db.prepare(`UPDATE Card SET buriedUntil = ?, updatedAt = ? WHERE id IN (SELECT value FROM json_each(?))`).run(c.until!, c.now, ids);
      return;
    case "unbury":
      db.prepare(`UPDATE Card SET buriedUntil = NULL, updatedAt = ? WHERE id IN (SELECT value FROM json_each(?))`).run(c.now, ids);
      return;
    case "forget":
      // Back to new, due now; the review history stays.
      db.prepare(
        `UPDATE Card SET due = ?, stability = 0, difficulty = 0, elapsed_days = 0, scheduled_days = 0, learning_steps = 0,
           reps = 0, lapses = 0, state = 0, last_review = NULL, updatedAt = ? WHERE id IN (SELECT value FROM json_each(?))`,
      ).run(c.now, c.now, ids);
      return;
    case "set-due": {
      const set = db.prepare(`UPDATE Card SET due = ?, scheduled_days = ?, updatedAt = ? WHERE id = ?`);
      const last = db.prepare(`SELECT last_review FROM Card WHERE id = ?`).pluck();
      for (const id of c.ids) {
        const d = c.dueOf!(id, last.get(id) as number | null);
        set.run(d.due, d.scheduledDays, c.now, id);
      }
      return;
    }
  }
}

type FlagRow = { cardId: number; reason: string; note: string };

/** The selected cards a flag action changes: a flag differing from the one asked for, or (unflag) any flag. */
export function flagsToChange(action: FlagAction, ids: readonly number[], reason?: FlagReason, note = ""): number[] {
  const live = stmt(`SELECT id FROM Card WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`).pluck().all(json(ids)) as number[];
  const flags = new Map(
    (stmt(`SELECT cardId, reason, note FROM CardFlag WHERE cardId IN (SELECT value FROM json_each(?))`).all(json(live)) as FlagRow[]).map((f) => [f.cardId, f]),
  );
  return action === "flag" ? live.filter((id) => flags.get(id)?.reason !== reason || flags.get(id)?.note !== note) : live.filter((id) => flags.has(id));
}

/** Flags (replacing any earlier flag) or unflags `ids`. */
export function writeFlagAction(action: FlagAction, ids: readonly number[], now: number, reason?: FlagReason, note = ""): void {
  const del = stmt(`DELETE FROM CardFlag WHERE cardId = ?`);
  const ins = stmt(`INSERT INTO CardFlag (cardId, reason, note, createdAt) VALUES (?, ?, ?, ?)`);
  for (const id of ids) {
    del.run(id);
    if (action === "flag") ins.run(id, reason!, note, now);
  }
}
