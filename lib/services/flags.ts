// Use cases: a learner flags a bad card (or takes the flag back).
import { cardExists, deleteFlag, putFlag, type Flag } from "../db/flags";
import type { FlagReason } from "../db/bulk-actions";
import { notFound, type Failure } from "./outcomes";

const noCard = (id: number) => notFound(`card ${id} not found`);

export type FlagOutcome = { ok: true; flag: Flag | null } | Failure;

export function flagCard(cardId: number, reason: FlagReason, note: string, now: Date): FlagOutcome {
  if (!cardExists(cardId)) return noCard(cardId);
  return { ok: true, flag: putFlag(cardId, reason, note, now.getTime()) };
}

export function unflagCard(cardId: number, _now: Date): FlagOutcome {
  if (!cardExists(cardId)) return noCard(cardId);
  deleteFlag(cardId);
  return { ok: true, flag: null };
}
export { getFlag } from "../db/flags";
