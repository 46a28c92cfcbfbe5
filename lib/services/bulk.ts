// Use cases: a bulk action on the browser's selection (or on every card a
// query matches). Each is one transaction and one step on the study session's
// undo stack (./study-actions.ts undoes it, docs/decisions/0060): the rows of
// each card are a group, so undo restores the cards still as the action left
// them and skips — and counts — any changed since in another session.
import { addDays, nextDayStart, studyDayOf, studyDayStart } from "../srs";
import { createRng } from "../generate/rng";
import { getSettings } from "./settings";
import { invalid, type Failure } from "./outcomes";
import { cardsToChange, flagsToChange, WRITTEN_COLUMNS, writeCardAction, writeFlagAction, type BulkKind, type FlagReason } from "../db/bulk-actions";
import { captureRows, type RowChange } from "../db/actions";
import { matchingIds } from "./browse";
import { inWriteTransaction } from "../db/sqlite";
import { recordStudyAction, undoTargetOf, type UndoTarget } from "./study-actions";

const DAY = 86_400_000;

export type SetDue = { date: string } | { from: number; to: number };

export type BulkInput = {
  action: BulkKind;
  target: { ids: number[] } | { q: string };
  due?: SetDue;
  reason?: FlagReason;
  note?: string;
  /** The study session whose undo stack the action goes on. */
  sessionId: string;
};

/** `id`: the action on the stack (null when nothing changed); `label`: what the browser's notice says. */
export type BulkResult = { id: number | null; label: string; changed: number; selected: number };
export type BulkOutcome = { ok: true; result: BulkResult; undo: UndoTarget | null } | Failure;

const plural = (n: number) => `${n} card${n === 1 ? "" : "s"}`;

function dueLabel(d: SetDue): string {
  if ("date" in d) return `due on ${d.date}`;
  return d.from === d.to ? `due in ${d.from} day${d.from === 1 ? "" : "s"}` : `due in ${d.from}–${d.to} days`;
}

/** The notice after the action ("Suspended 3 cards") and the stack's name for it ("suspend of 3 cards"). */
function labels(input: BulkInput, n: number): { notice: string; action: string } {
  const cards = plural(n);
  switch (input.action) {
    case "set-due":
      return { notice: `Set ${cards} ${dueLabel(input.due!)}`, action: `set ${cards} ${dueLabel(input.due!)}` };
    case "forget":
      return { notice: `Reset to new ${cards}`, action: `reset to new of ${cards}` };
    case "flag":
      return { notice: `Flagged ${cards}`, action: `flag (${input.reason}) of ${cards}` };
    default: {
      const past: Record<string, string> = { suspend: "Suspended", unsuspend: "Unsuspended", bury: "Buried", unbury: "Unburied", unflag: "Unflagged" };
      return { notice: `${past[input.action]} ${cards}`, action: `${input.action} of ${cards}` };
    }
  }
}

/** One transaction: the cards a search matches are found, changed and recorded together. */
export function runBulkAction(input: BulkInput, now: Date): BulkOutcome {
  return inWriteTransaction((): BulkOutcome => {
    let ids: number[];
    if ("ids" in input.target) ids = input.target.ids;
    else {
      const m = matchingIds(input.target.q, now);
      if (!m.ok) return m;
      ids = m.ids;
    }
    const changed = change(input, ids, now);
    if (!changed.ok) return changed;
    const { touched, changes } = changed;
    const l = labels(input, touched);
    const none = { id: null, label: l.notice, changed: 0, selected: ids.length };
    if (touched === 0) return { ok: true, result: none, undo: undoTargetOf(input.sessionId) };
    const undo = recordStudyAction({ sessionId: input.sessionId, kind: `bulk-${input.action}`, label: l.action, cardId: null, changes, partial: true }, now);
    return { ok: true, result: { ...none, id: undo.id, changed: touched }, undo };
  });
}

function change(input: BulkInput, ids: number[], now: Date): { ok: true; touched: number; changes: RowChange[] } | Failure {
  const t = now.getTime();
  if (input.action === "flag" || input.action === "unflag") {
    if (input.action === "flag" && !input.reason) return invalid("flag needs a reason");
    const action = input.action;
    const touched = flagsToChange(action, ids, input.reason, input.note ?? "");
    const changes = captureRows("CardFlag", "cardId", touched, () => writeFlagAction(action, touched, t, input.reason, input.note ?? ""), {
      insertKeys: ["createdAt"],
      unique: ["cardId"],
      groupBy: "cardId",
    });
    return { ok: true, touched: touched.length, changes };
  }
  const s = getSettings();
  const until = nextDayStart(now, s.timezone, s.dayStartHour).getTime();
  let dueOf: ((id: number, lastReview: number | null) => { due: number; scheduledDays: number }) | undefined;
  if (input.action === "set-due") {
    const d = input.due;
    if (!d) return invalid("set due needs a date or a range of days");
    const today = studyDayOf(now, s.timezone, s.dayStartHour);
    const start = (label: string) => studyDayStart(label, s.timezone, s.dayStartHour).getTime();
    // A random day in the range for each card, seeded by the time and the card id: spread, yet reproducible.
    dueOf = (id, lastReview) => {
      const rng = createRng(`${t}:${id}`);
      const days = "date" in d ? null : d.from + Math.floor(rng() * (d.to - d.from + 1));
      const due = "date" in d ? start(d.date) : start(addDays(today, days!));
      return { due, scheduledDays: Math.max(0, Math.round((due - (lastReview ?? t)) / DAY)) };
    };
  }
  const action = input.action;
  const touched = cardsToChange(action, ids, t, until);
  const changes = captureRows("Card", "id", touched, () => writeCardAction({ action, ids: touched, now: t, until, dueOf }), {
    groupBy: "id",
    only: WRITTEN_COLUMNS[action],
  });
  return { ok: true, touched: touched.length, changes };
}
