// How cards and queues look in JSON, shared by the API and the review page.
import type { CardRow, IntervalPreview } from "../srs";
import { readQueue, type Queue } from "../services/queue";
import type { GeneratedCard } from "../generate/types";

type StoredPayload = Omit<GeneratedCard, "noteKey" | "kind" | "topic">;
/** What the page gets: the source's file path stays on the server (learners read the talk, not the repository). */
export type CardPayload = Omit<StoredPayload, "source"> & { source: Omit<StoredPayload["source"], "file"> };

export type CardDto = CardPayload & {
  id: number;
  kind: string;
  state: number;
  reps: number;
  lapses: number;
  due: string;
  lastReview: string | null;
  suspended: boolean;
  leech: boolean;
  buriedUntil: string | null;
};

export type PreviewDto = { rating: number; interval: string; due: string };
/** The learner's open flag on a card. */
export type FlagDto = { reason: string; note: string };
/** A card the review page shows: its previews and its flag come with it. */
export type ShownCardDto = CardDto & { previews: PreviewDto[]; flag: FlagDto | null };
export type QueueDto = {
  cards: ShownCardDto[];
  counts: { new: number; learning: number; review: number };
  /** Learning cards due by now plus the reviews shown today (lib/services/study-counts.ts). */
  dueNow: number;
  nextDue: string | null;
  dueTomorrow: number;
  learningLater: { count: number; nextDue: string } | null;
  nextDayStart: string;
  /** New cards first answered in a quiz today; they do not use up the new-card limit. */
  quizNewToday: number;
  answersToday: number;
  secondsPerCard: number | null;
};

export function cardDto(c: CardRow): CardDto {
  const { source: stored, ...payload } = JSON.parse(c.payload) as StoredPayload;
  const { file: _file, ...source } = stored ?? {}; // a row written without a source (tests, bench) has none to hide
  return {
    ...payload,
    source: source as CardPayload["source"],
    id: c.id,
    kind: c.kind,
    state: c.state,
    reps: c.reps,
    lapses: c.lapses,
    due: c.due.toISOString(),
    lastReview: c.last_review?.toISOString() ?? null,
    suspended: c.suspended,
    leech: c.leech,
    buriedUntil: c.buriedUntil?.toISOString() ?? null,
  };
}

export const previewDto = (p: IntervalPreview): PreviewDto => ({ rating: p.rating, interval: p.interval, due: p.due.toISOString() });
export const flagDto = (f: { reason: string; note: string } | null): FlagDto | null => (f ? { reason: f.reason, note: f.note } : null);

export function queueDto(q: Queue): QueueDto {
  return {
    cards: q.cards.map(({ card, previews, flag }) => ({ ...cardDto(card), previews: previews.map(previewDto), flag: flagDto(flag) })),
    counts: q.counts,
    dueNow: q.study.dueNow,
    nextDue: q.nextDue?.toISOString() ?? null,
    dueTomorrow: q.dueTomorrow,
    learningLater: q.learningLater ? { count: q.learningLater.count, nextDue: q.learningLater.nextDue.toISOString() } : null,
    nextDayStart: q.nextDayStart.toISOString(),
    quizNewToday: q.quizNewToday,
    answersToday: q.answersToday,
    secondsPerCard: q.secondsPerCard,
  };
}

/** As many cards as the review page fetches at once. */
export const NEXT_QUEUE_LIMIT = 10;

/** The next cards and counts of a deck (or all decks), for the reply to a study action: no second request needed. Null for an unknown deck. */
export function nextQueueDto(deck: string | undefined, now: Date): QueueDto | null {
  const r = readQueue({ deck: deck ?? null, limit: NEXT_QUEUE_LIMIT, now });
  return r.ok ? queueDto(r.queue) : null;
}
