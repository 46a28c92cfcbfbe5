// Use cases: a bulk action on the browser's selection (or on every card a
// query matches), and undoing one. Each is one transaction (lib/db/bulk-actions.ts).
import { addDays, nextDayStart, studyDayOf, studyDayStart } from "../srs";
import { createRng } from "../quiz/rng";
import { getSettings } from "../db/settings";
import { applyCardAction, applyFlagAction, latestBulkAction, undoBulkAction, type BulkKind, type BulkResult, type FlagReason, type UndoOutcome } from "../db/bulk-actions";
import { matchingIds } from "./browse";

const DAY = 86_400_000;

export type SetDue = { date: string } | { from: number; to: number };

export type BulkInput = {
  action: BulkKind;
  target: { ids: number[] } | { q: string };
  due?: SetDue;
  reason?: FlagReason;
  note?: string;
};

export type BulkOutcome = { kind: "ok"; result: BulkResult } | { kind: "invalid"; error: string };

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

export function runBulkAction(input: BulkInput, now: Date): BulkOutcome {
  let ids: number[];
  if ("ids" in input.target) ids = input.target.ids;
  else {
    const m = matchingIds(input.target.q, now);
    if (m.kind === "invalid") return { kind: "invalid", error: m.error };
    ids = m.ids;
  }
  const s = getSettings();
  const t = now.getTime();
  if (input.action === "flag" || input.action === "unflag") {
    if (input.action === "flag" && !input.reason) return { kind: "invalid", error: "flag needs a reason" };
    const verb = LABELS[input.action];
    return { kind: "ok", result: applyFlagAction({ action: input.action, ids, reason: input.reason, note: input.note, now: t, label: (n) => `${verb} ${plural(n)}` }) };
  }
  if (input.action === "set-due") {
    const d = input.due;
    if (!d) return { kind: "invalid", error: "set due needs a date or a range of days" };
    const today = studyDayOf(now, s.timezone, s.dayStartHour);
    const start = (label: string) => studyDayStart(label, s.timezone, s.dayStartHour).getTime();
    // A random day in the range for each card, seeded by the action's stamp: spread, yet reproducible.
    return {
      kind: "ok",
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
    kind: "ok",
    result: applyCardAction({ action: input.action, ids, now: t, until: nextDayStart(now, s.timezone, s.dayStartHour).getTime(), label: (n) => `${verb} ${plural(n)}` }),
  };
}

export function undoBulk(id: number | "latest", now: Date): UndoOutcome {
  const target = id === "latest" ? latestBulkAction()?.id : id;
  if (target === undefined) return { kind: "not-found" };
  return undoBulkAction(target, now.getTime());
}

export { latestBulkAction };
