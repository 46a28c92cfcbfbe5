// Bulk actions on many cards, each one transaction and one undoable step.
// Every action keeps the rows it changed as they were before (only the
// columns it touches) and stamps the cards it wrote with a time no touched
// row had before. Undo puts back exactly the rows that still carry that
// stamp — a card answered or changed since keeps its newer state — and runs
// at most once.
import { sqlite, stmt } from "./sqlite";

export const CARD_ACTIONS = ["suspend", "unsuspend", "bury", "unbury", "forget", "set-due"] as const;
export const FLAG_ACTIONS = ["flag", "unflag"] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];
export type FlagAction = (typeof FLAG_ACTIONS)[number];
export type BulkKind = CardAction | FlagAction;

export const FLAG_REASONS = ["wrong", "ambiguous", "typo", "other"] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

type Row = Record<string, number | string | null> & { id: number; updatedAt: number };
type FlagRow = { id: number; cardId: number; reason: string; note: string; createdAt: number };

/** What is stored in BulkAction.snapshot. */
type Snapshot = { stamp: number; cards: Row[] } | { stamp: number; flags: { cardId: number; before: FlagRow | null }[] };

/** The columns each card action writes (besides updatedAt): what its snapshot keeps. */
const COLUMNS: Record<CardAction, string[]> = {
  suspend: ["suspended"],
  unsuspend: ["suspended", "leech"],
  bury: ["buriedUntil"],
  unbury: ["buriedUntil"],
  forget: ["due", "stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses", "state", "last_review"],
  "set-due": ["due", "scheduled_days"],
};

/** Which of the selected cards an action changes (the rest are left alone and not recorded). */
const APPLIES: Record<CardAction, string> = {
  suspend: "retired = 0 AND suspended = 0",
  unsuspend: "suspended = 1 OR leech = 1",
  bury: "retired = 0 AND (buriedUntil IS NULL OR buriedUntil < :until)",
  unbury: "buriedUntil IS NOT NULL AND buriedUntil > :now",
  forget: "state <> 0 OR reps <> 0",
  "set-due": "retired = 0 AND state <> 0",
};

export type CardChange = {
  action: CardAction;
  ids: number[];
  label: (changed: number) => string;
  now: number;
  /** bury: the start of the next study day. */
  until?: number;
  /** set-due: the new due instant of each card (given the card's id and last review). */
  dueOf?: (id: number, lastReview: number | null, stamp: number) => { due: number; scheduledDays: number };
};

export type BulkResult = { id: number | null; label: string; changed: number; selected: number };

const ids = (list: number[]) => JSON.stringify(list);

function record(kind: BulkKind, label: string, snapshot: Snapshot, now: number): number {
  return Number(
    stmt(`INSERT INTO BulkAction (kind, label, snapshot, createdAt) VALUES (?, ?, ?, ?)`).run(kind, label, JSON.stringify(snapshot), now).lastInsertRowid,
  );
}

export function applyCardAction(c: CardChange): BulkResult {
  const db = sqlite();
  const cols = COLUMNS[c.action];
  const run = db.transaction((): BulkResult => {
    const rows = db
      .prepare(`SELECT id, updatedAt, ${cols.join(", ")} FROM Card WHERE id IN (SELECT value FROM json_each(:ids)) AND (${APPLIES[c.action]})`)
      .all({
        ids: ids(c.ids),
        ...(APPLIES[c.action].includes(":until") ? { until: c.until } : {}),
        ...(APPLIES[c.action].includes(":now") ? { now: c.now } : {}),
      }) as Row[];
    const label = c.label(rows.length);
    if (rows.length === 0) return { id: null, label, changed: 0, selected: c.ids.length };
    // Later than every touched row's updatedAt, so "still carries the stamp" means "unchanged since".
    const stamp = rows.reduce((m, r) => Math.max(m, r.updatedAt + 1), c.now);
    const changed = JSON.stringify(rows.map((r) => r.id));
    switch (c.action) {
      case "suspend":
        db.prepare(`UPDATE Card SET suspended = 1, updatedAt = ? WHERE id IN (SELECT value FROM json_each(?))`).run(stamp, changed);
        break;
      case "unsuspend":
        // As the single-card unsuspend: a leech is suspended by being a leech, so unsuspending clears both.
        db.prepare(`UPDATE Card SET suspended = 0, leech = 0, updatedAt = ? WHERE id IN (SELECT value FROM json_each(?))`).run(stamp, changed);
        break;
      case "bury":
        db.prepare(`UPDATE Card SET buriedUntil = ?, updatedAt = ? WHERE id IN (SELECT value FROM json_each(?))`).run(c.until!, stamp, changed);
        break;
      case "unbury":
        db.prepare(`UPDATE Card SET buriedUntil = NULL, updatedAt = ? WHERE id IN (SELECT value FROM json_each(?))`).run(stamp, changed);
        break;
      case "forget":
        // Back to new, due now; the review history stays.
        db.prepare(
          `UPDATE Card SET due = ?, stability = 0, difficulty = 0, elapsed_days = 0, scheduled_days = 0, learning_steps = 0,
             reps = 0, lapses = 0, state = 0, last_review = NULL, updatedAt = ? WHERE id IN (SELECT value FROM json_each(?))`,
        ).run(c.now, stamp, changed);
        break;
      case "set-due": {
        const set = db.prepare(`UPDATE Card SET due = ?, scheduled_days = ?, updatedAt = ? WHERE id = ?`);
        const last = db.prepare(`SELECT last_review FROM Card WHERE id = ?`).pluck();
        for (const r of rows) {
          const d = c.dueOf!(r.id, last.get(r.id) as number | null, stamp);
          set.run(d.due, d.scheduledDays, stamp, r.id);
        }
        break;
      }
    }
    const id = record(c.action, label, { stamp, cards: rows }, c.now);
    return { id, label, changed: rows.length, selected: c.ids.length };
  });
  return run.immediate();
}

export type FlagChange = { action: FlagAction; ids: number[]; reason?: FlagReason; note?: string; label: (changed: number) => string; now: number };

export function applyFlagAction(c: FlagChange): BulkResult {
  const db = sqlite();
  const run = db.transaction((): BulkResult => {
    const live = db.prepare(`SELECT id FROM Card WHERE id IN (SELECT value FROM json_each(?))`).pluck().all(ids(c.ids)) as number[];
    const before = new Map(
      (db.prepare(`SELECT id, cardId, reason, note, createdAt FROM CardFlag WHERE cardId IN (SELECT value FROM json_each(?))`).all(ids(live)) as FlagRow[]).map(
        (f) => [f.cardId, f],
      ),
    );
    const touched =
      c.action === "flag"
        ? live.filter((id) => before.get(id)?.reason !== c.reason || before.get(id)?.note !== (c.note ?? ""))
        : live.filter((id) => before.has(id));
    const label = c.label(touched.length);
    if (touched.length === 0) return { id: null, label, changed: 0, selected: c.ids.length };
    const stamp = [...before.values()].reduce((m, f) => Math.max(m, f.createdAt + 1), c.now);
    const del = db.prepare(`DELETE FROM CardFlag WHERE cardId = ?`);
    const ins = db.prepare(`INSERT INTO CardFlag (cardId, reason, note, createdAt) VALUES (?, ?, ?, ?)`);
    for (const id of touched) {
      del.run(id);
      if (c.action === "flag") ins.run(id, c.reason!, c.note ?? "", stamp);
    }
    const id = record(c.action, label, { stamp, flags: touched.map((cardId) => ({ cardId, before: before.get(cardId) ?? null })) }, c.now);
    return { id, label, changed: touched.length, selected: c.ids.length };
  });
  return run.immediate();
}

export type BulkActionRow = { id: number; kind: BulkKind; label: string; createdAt: number; undoneAt: number | null };

export function latestBulkAction(): BulkActionRow | null {
  return (
    (stmt(`SELECT id, kind, label, createdAt, undoneAt FROM BulkAction WHERE undoneAt IS NULL ORDER BY id DESC LIMIT 1`).get() as BulkActionRow | undefined) ??
    null
  );
}

export type UndoOutcome =
  | { kind: "ok"; label: string; restored: number; skipped: number }
  | { kind: "not-found" }
  | { kind: "conflict"; reason: "already-undone" };

/** Undoes one bulk action: rows still as the action left them go back; rows changed since stay. */
export function undoBulkAction(id: number, now: number): UndoOutcome {
  const db = sqlite();
  const run = db.transaction((): UndoOutcome => {
    const a = db.prepare(`SELECT kind, label, snapshot, undoneAt FROM BulkAction WHERE id = ?`).get(id) as
      | { kind: BulkKind; label: string; snapshot: string; undoneAt: number | null }
      | undefined;
    if (!a) return { kind: "not-found" };
    if (a.undoneAt !== null) return { kind: "conflict", reason: "already-undone" };
    const snap = JSON.parse(a.snapshot) as Snapshot;
    let restored = 0;
    let total = 0;
    if ("cards" in snap) {
      const cols = COLUMNS[a.kind as CardAction];
      const put = db.prepare(`UPDATE Card SET ${cols.map((c) => `${c} = @${c}`).join(", ")}, updatedAt = @updatedAt WHERE id = @id AND updatedAt = @stamp`);
      for (const row of snap.cards) restored += put.run({ ...row, stamp: snap.stamp }).changes;
      total = snap.cards.length;
    } else {
      const current = db.prepare(`SELECT createdAt FROM CardFlag WHERE cardId = ?`).pluck();
      const del = db.prepare(`DELETE FROM CardFlag WHERE cardId = ?`);
      const ins = db.prepare(`INSERT INTO CardFlag (id, cardId, reason, note, createdAt) VALUES (?, ?, ?, ?, ?)`);
      for (const f of snap.flags) {
        const now = current.get(f.cardId) as number | undefined;
        // Unchanged since: the flag this action wrote is still there (flag), or there is still none (unflag).
        const unchanged = a.kind === "flag" ? now === snap.stamp : now === undefined;
        if (!unchanged) continue;
        del.run(f.cardId);
        if (f.before) ins.run(f.before.id, f.before.cardId, f.before.reason, f.before.note, f.before.createdAt);
        restored++;
      }
      total = snap.flags.length;
    }
    db.prepare(`UPDATE BulkAction SET undoneAt = ? WHERE id = ?`).run(now, id);
    return { kind: "ok", label: a.label, restored, skipped: total - restored };
  });
  return run.immediate();
}
