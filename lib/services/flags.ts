// Use cases: a learner flags a bad card (or takes the flag back).
import { cardExists, deleteFlag, putFlag, type Flag } from "../db/flags";
import type { FlagReason } from "../db/bulk-actions";

export type FlagOutcome = { kind: "ok"; flag: Flag | null } | { kind: "not-found" };

export function flagCard(cardId: number, reason: FlagReason, note: string, now: Date): FlagOutcome {
  if (!cardExists(cardId)) return { kind: "not-found" };
  return { kind: "ok", flag: putFlag(cardId, reason, note, now.getTime()) };
}

export function unflagCard(cardId: number, _now: Date): FlagOutcome {
  if (!cardExists(cardId)) return { kind: "not-found" };
  deleteFlag(cardId);
  return { kind: "ok", flag: null };
}
