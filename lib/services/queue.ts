// Use case: the next cards to study, in one deck (by key) or all decks.
// lib/db/queue.ts pre-selects and pre-counts in SQL; lib/srs's buildQueue
// decides the order and the limits (docs/decisions/0003-queue-preselection.md).
import { buildQueue, previewIntervals, withPreset, type CardRow, type IntervalPreview, type QueueCounts, type Settings } from "../srs";
import { queueCandidates, secondsPerCard } from "../db/queue";
import { findDeckByKey } from "../db/decks";
import { readSettings } from "../db/settings";
import { deckPreset } from "../db/deck-presets";
import { flagsOf, type Flag } from "../db/flags";
import { deckNotFound, type Failure } from "./outcomes";
import { studyCounts, type StudyCounts } from "./study-counts";

/** A card to show, its four answer previews, and the learner's flag on it (shown on the review page). */
export type QueueCard = { card: CardRow; previews: IntervalPreview[]; flag: Flag | null };
export type Queue = {
  cards: QueueCard[];
  /** new / learning (= study.learningToday) / review left today. */
  counts: QueueCounts;
  /** Due now, learning today, due tomorrow: decided by ./study-counts.ts (no forecast here). */
  study: StudyCounts;
  nextDue: Date | null;
  dueTomorrow: number;
  learningLater: { count: number; nextDue: Date } | null;
  today: string;
  nextDayStart: Date;
  /** New cards first answered in a quiz today (they do not use up newPerDay). */
  quizNewToday: number;
  /** Review-screen answers given today, for the progress bar. */
  answersToday: number;
  /** The learner's own mean seconds per review-screen answer (last 200), null before any: time left = cards left × this. */
  secondsPerCard: number | null;
};

/** The queue of one deck (by id) or all decks (null), with each card's four answer previews. */
export function getQueue(opts: { deckId: number | null; limit: number; now: Date; settings?: Settings }): Queue {
  const { deckId, limit, now } = opts;
  const settings = opts.settings ?? readSettings();
  const { today, ...candidates } = queueCandidates({ deckId, limit, now, settings });
  const q = buildQueue({ ...candidates, now, settings, limit });
  const study = studyCounts({ built: q, learningCounts: candidates.learningCounts ?? { dueNow: 0 } });
  const byDeck = new Map<number, Settings>();
  const forDeck = (id: number) => {
    let s = byDeck.get(id);
    if (!s) byDeck.set(id, (s = withPreset(settings, deckPreset(id))));
    return s;
  };
  const flags = flagsOf(q.items.map((c) => c.id));
  return {
    // Each card's buttons show what its deck's preset would schedule.
    cards: q.items.map((card) => ({ card, previews: previewIntervals(card, forDeck(card.deckId), now), flag: flags.get(card.id) ?? null })),
    counts: { ...q.counts, learning: study.learningToday },
    study,
    nextDue: q.nextDue,
    dueTomorrow: study.dueTomorrow,
    learningLater: q.learningLater,
    today: q.today,
    nextDayStart: q.nextDayStart,
    quizNewToday: today.quizNewToday,
    answersToday: today.answersToday,
    secondsPerCard: secondsPerCard(),
  };
}

export type QueueResult = { ok: true; queue: Queue; deckId: number | null } | Failure;

export function readQueue(input: { deck: string | null; limit: number; now: Date }): QueueResult {
  const deck = input.deck === null ? null : findDeckByKey(input.deck);
  if (input.deck !== null && deck === null) return deckNotFound(input.deck);
  const deckId = deck?.id ?? null;
  return { ok: true, deckId, queue: getQueue({ deckId, limit: input.limit, now: input.now }) };
}
