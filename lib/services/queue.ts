// Use case: the next cards to study, in one deck (by key) or all decks.
import { getQueue, type Queue } from "../db/queue";
import { findDeckByKey } from "../db/decks";
import { readSettings } from "../db/settings";
import { deckNotFound, type Failure } from "./outcomes";

export type QueueResult = { ok: true; queue: Queue; deckId: number | null } | Failure;

export function readQueue(input: { deck: string | null; limit: number; now: Date }): QueueResult {
  const deck = input.deck === null ? null : findDeckByKey(input.deck);
  if (input.deck !== null && deck === null) return deckNotFound(input.deck);
  const deckId = deck?.id ?? null;
  return { ok: true, deckId, queue: getQueue({ deckId, limit: input.limit, now: input.now, settings: readSettings() }) };
}
