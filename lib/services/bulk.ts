// Use cases: a bulk action on the browser's selection (or on every card a
// query matches), and undoing one. Each is one transaction (lib/db/bulk-actions.ts).
import { addDays, nextDayStart, studyDayOf, studyDayStart } from "../srs";
import { createRng } from "../generate/rng";
import { getSettings } from "./settings";
import { conflict, invalid, notFound, type Failure } from "./outcomes";
import {
  applyCardAction,
  applyFlagAction,
  latestBulkAction,
  undoBulkAction,
  type BulkKind,
  type BulkResult,
  type FlagReason,
  type UndoOutcome,
} from "../db/bulk-actions";
import { matchingIds } from "./browse";
import { inWriteTransaction } from "../db/sqlite";

const DAY = 86_400_000;

export type SetDue = { date: string } | { from: number; to: number };

export type BulkInput = {
  action: BulkKind;
  target: { ids: number[] } | { q: string };
  due?: SetDue;
  reason?: FlagReason;
  note?: string;
};

export type BulkOutcome = { ok: true; result: BulkResult } | Failure;

const plural = (n: number) => `${n} card${n === 1 ? "" : "s"}`;

function dueLabel(d: SetDue): string {
  if ("date" in d) return `due on ${d.date}`;
  return d.from === d.to ? `due in ${d.from} day${d.from === 1 ? "" : "s"}` : `due in ${d.from}–${d.to} days`;
}

const LABELS: Record<Exclude<BulkKind, "set-due">, string> = {
  suspend: "Suspended",
  unsuspend: "Unsuspended",
  bury: "Buried",
  unbury: "Unburied",
  forget: "Reset to new",
  flag: "Flagged",
  unflag: "Unflagged",
};

/** One transaction: the cards a search matches are found and changed together. */
export function runBulkAction(input: BulkInput, now: Date): BulkOutcome {
  return inWriteTransaction(() => bulkAction(input, now));
}

function bulkAction(input: BulkInput, now: Date): BulkOutcome {
  let ids: number[];
  if ("ids" in input.target) ids = input.target.ids;
  else {
    const m = matchingIds(input.target.q, now);
    if (!m.ok) return m;
    ids = m.ids;
  }
  const s = getSettings();
  const t = now.getTime();
  if (input.action === "flag" || input.action === "unflag") {
    if (input.action === "flag" && !input.reason) return invalid("flag needs a reason");
    const verb = LABELS[input.action];
    return {
      ok: true,
      result: applyFlagAction({ action: input.action, ids, reason: input.reason, note: input.note, now: t, label: (n) => `${verb} ${plural(n)}` }),
    };
  }
  if (input.action === "set-due") {
    const d = input.due;
    if (!d) return invalid("set due needs a date or a range of days");
    const today = studyDayOf(now, s.timezone, s.dayStartHour);
    const start = (label: string) => studyDayStart(label, s.timezone, s.dayStartHour).getTime();
    // A random day in the range for each card, seeded by the action's stamp: spread, yet reproducible.
    return {
      ok: true,
      result: applyCardAction({
        action: "set-due",
        ids,
        now: t,
        label: (n) => `Set ${plural(n)} ${dueLabel(d)}`,
        dueOf: (id, lastReview, stamp) => {
          const rng = createRng(`${stamp}:${id}`);
          const days = "date" in d ? null : d.from + Math.floor(rng() * (d.to - d.from + 1));
          const due = "date" in d ? start(d.date) : start(addDays(today, days!));
          return { due, scheduledDays: Math.max(0, Math.round((due - (lastReview ?? t)) / DAY)) };
        },
      }),
    };
  }
  const verb = LABELS[input.action];
  return {
    ok: true,
    result: applyCardAction({
      action: input.action,
      ids,
      now: t,
      until: nextDayStart(now, s.timezone, s.dayStartHour).getTime(),
      label: (n) => `${verb} ${plural(n)}`,
    }),
  };
}

export type BulkUndoOutcome = { ok: true; label: string; restored: number; skipped: number } | Failure;

export function undoBulk(id: number | "latest", now: Date): BulkUndoOutcome {
  const target = id === "latest" ? latestBulkAction()?.id : id;
  if (target === undefined) return notFound("nothing to undo");
  const r: UndoOutcome = inWriteTransaction(() => undoBulkAction(target, now.getTime()));
  if (r.kind === "not-found") return notFound(`bulk action ${target} not found`);
  if (r.kind === "conflict") return conflict("that action was already undone");
  return { ok: true, label: r.label, restored: r.restored, skipped: r.skipped };
}

export { latestBulkAction };
