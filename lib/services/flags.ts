// Use cases: a learner flags a bad card (or takes the flag back). Each is one
// transaction and one step on the study session's undo stack (decision 0060).
import { cardExists, getFlag, putFlag, deleteFlag, type Flag } from "../db/flags";
import type { FlagReason } from "../db/bulk-actions";
import { captureRows } from "../db/actions";
import { inWriteTransaction } from "../db/sqlite";
import { findCard } from "./review";
import { cardName, recordStudyAction, undoTargetOf, type UndoTarget } from "./study-actions";
import { notFound, type Failure } from "./outcomes";

const noCard = (id: number) => notFound(`card ${id} not found`);

export type FlagOutcome = { ok: true; flag: Flag | null; undo: UndoTarget | null } | Failure;

/** Writes the card's flag (or removes it) and records the change on the session's stack. */
function changeFlag(cardId: number, sessionId: string, now: Date, flag: { reason: FlagReason; note: string } | null): FlagOutcome {
  return inWriteTransaction((): FlagOutcome => {
    const card = findCard(cardId);
    if (!card || !cardExists(cardId)) return noCard(cardId);
    const changes = captureRows("CardFlag", "cardId", [cardId], () => (flag ? putFlag(cardId, flag.reason, flag.note, now.getTime()) : deleteFlag(cardId)), {
      insertKeys: ["createdAt"],
      unique: ["cardId"],
    });
    const current = getFlag(cardId);
    if (changes.length === 0) return { ok: true, flag: current, undo: undoTargetOf(sessionId) };
    const undo = recordStudyAction(
      { sessionId, kind: flag ? "flag" : "unflag", label: `${flag ? `flag (${flag.reason})` : "unflag"} of ${cardName(card)}`, cardId, changes },
      now,
    );
    return { ok: true, flag: current, undo };
  });
}

export function flagCard(cardId: number, reason: FlagReason, note: string, sessionId: string, now: Date): FlagOutcome {
  return changeFlag(cardId, sessionId, now, { reason, note });
}

export function unflagCard(cardId: number, sessionId: string, now: Date): FlagOutcome {
  return changeFlag(cardId, sessionId, now, null);
}
export { getFlag } from "../db/flags";
