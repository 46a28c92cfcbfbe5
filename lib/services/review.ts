// Use cases of the review screen: answering, suspending and burying cards
// (undo, and the actions on the session's undo stack: ./study-actions.ts). Each is one write transaction (synchronous, so nothing interleaves):
// the card and its review log change together or not at all. SQL lives in
// lib/db/cards.ts.
import {
  applyQuizAnswer,
  applyRating,
  becameLeech,
  siblingsToBury,
  nextDayStart,
  previewIntervals,
  withPreset,
  type CardRow,
  type IntervalPreview,
  type QuizEffect,
  type Rating,
} from "../srs";
import { deckPreset } from "../db/deck-presets";
import { getSettings } from "./settings";
import { inWriteTransaction } from "../db/sqlite";
import { conflict, notFound, type Failure } from "./outcomes";
import { toCardRow, type RawCard } from "../db/card-rows";
import {
  buryLiveCard,
  deleteLog,
  findAnswerLog,
  findLogByReviewId,
  findRawCard,
  hasLaterAnswer,
  insertLog,
  noteCardsOf,
  restoreCard,
  setBuriedUntil,
  setLiveCardSuspended,
  writeScheduledCard,
} from "../db/cards";

export type ReviewSource = "review" | "quiz";

export type AnswerInput = {
  cardId: number;
  rating: Rating;
  durationMs: number;
  reviewId: string;
  source: ReviewSource;
  /** The card's `reps` when the client fetched it: a mismatch means it was answered since. */
  expectedReps?: number;
  /** The learner overrode a Close verdict ("I was right"); stored on the review log. */
  override?: boolean;
};

export type AnswerResult = { ok: true; card: CardRow; duplicate: boolean; leech: boolean; buried: number[]; effect: QuizEffect } | Failure;

/** What undo restores: the card as it was, and the siblings this answer buried. */
type Snapshot = { card: RawCard; siblings: { id: number; buriedUntil: number | null }[]; effect?: QuizEffect };

export function findCard(id: number): CardRow | null {
  const r = findRawCard(id);
  return r ? toCardRow(r) : null;
}

/** Applies one answer: the card and its review log change together, in one transaction. */
export function answerCard(input: AnswerInput, now: Date): AnswerResult {
  return inWriteTransaction((): AnswerResult => {
    const prior = findLogByReviewId(input.reviewId);
    if (prior) {
      if (prior.cardId !== input.cardId) return conflict(`reviewId ${input.reviewId} was already used for another card`);
      // The same answer sent twice: applied once, the first result returned
      // (its leech flag and buried siblings come from the stored snapshot).
      const snap = JSON.parse(prior.snapshot) as Snapshot;
      const card = toCardRow(findRawCard(prior.cardId)!);
      return {
        ok: true,
        card,
        duplicate: true,
        leech: snap.card.leech === 0 && card.leech,
        buried: snap.siblings.map((s) => s.id),
        effect: snap.effect ?? "scheduled",
      };
    }
    const noteCards = noteCardsOf(input.cardId);
    const raw = noteCards.find((c) => c.id === input.cardId);
    if (!raw || raw.retired) return cardNotFound(input.cardId);
    if (input.expectedReps !== undefined && raw.reps !== input.expectedReps) {
      return conflict(`card ${input.cardId} was answered since you loaded it (reps ${raw.reps}, you saw ${input.expectedReps}); reload`);
    }
    if (raw.suspended && input.source === "review") return conflict(`card ${input.cardId} is suspended`);

    // The deck's preset (its own desired retention / weights) over the global settings.
    const settings = withPreset(getSettings(), deckPreset(raw.deckId));
    const before = toCardRow(raw);
    // Quiz answers are practice (lib/srs/quiz-practice.ts); review answers go straight to FSRS.
    const {
      card: next,
      log,
      effect,
    } = input.source === "quiz"
      ? applyQuizAnswer(before, input.rating, settings, now)
      : { ...applyRating(before, input.rating, settings, now), effect: "scheduled" as const };
    const leech = becameLeech(before, next);

    const siblingRows = noteCards.filter((c) => c !== raw).map(toCardRow);
    const bury = input.source === "review" ? siblingsToBury(before, siblingRows, now, settings) : { ids: [], buriedUntil: now };
    const snapshot: Snapshot = {
      card: raw,
      siblings: siblingRows.filter((s) => bury.ids.includes(s.id)).map((s) => ({ id: s.id, buriedUntil: s.buriedUntil?.getTime() ?? null })),
      effect,
    };
    writeScheduledCard(raw.id, next, leech, now);
    insertLog({
      cardId: raw.id,
      log,
      reviewedAt: now,
      durationMs: input.durationMs,
      source: input.source,
      reviewId: input.reviewId,
      snapshot: JSON.stringify(snapshot),
      override: input.override,
    });
    setBuriedUntil(bury.ids, bury.buriedUntil.getTime(), now);
    // The row as just written (writeScheduledCard sets exactly these fields), without reading it back.
    const card: CardRow = { ...before, ...next, leech: before.leech || leech, suspended: before.suspended || leech };
    return { ok: true, card, duplicate: false, leech, buried: bury.ids, effect };
  });
}

/**
 * Replaces the review logged under `reviewId` with one rated `rating` and
 * flagged as the learner's override ("I was right" after a Close quiz answer):
 * the card goes back to its state before that review, then the new rating is
 * applied. Refused (conflict) when the card was answered again since.
 */
export function overrideReview(reviewId: string, rating: Rating, now: Date): AnswerResult {
  return inWriteTransaction((): AnswerResult => {
    const log = findAnswerLog(reviewId);
    if (!log) return notFound(`no review ${reviewId}`);
    if (hasLaterAnswer(log.cardId, log.id)) return conflict(`card ${log.cardId} was answered again since; that answer can no longer be changed`);
    // Any later write to the card (a suspend, a bury, an undo on the review
    // screen's stack) would be erased by restoring the snapshot: refuse instead.
    const current = findRawCard(log.cardId);
    if (!current || current.updatedAt !== log.reviewedAt) return conflict(`card ${log.cardId} changed since that answer; it can no longer be changed`);
    const { card, siblings } = JSON.parse(log.snapshot) as Snapshot;
    restoreCard(card, now);
    for (const s of siblings) setBuriedUntil([s.id], s.buriedUntil, now);
    deleteLog(log.id);
    return answerCard({ cardId: log.cardId, rating, durationMs: log.durationMs, reviewId, source: log.source as ReviewSource, override: true }, now);
  });
}

export type CardActionResult = { ok: true; card: CardRow } | Failure;

const cardNotFound = (id: number) => notFound(`card ${id} not found`);

export function setSuspended(cardId: number, suspended: boolean, now: Date): CardActionResult {
  return inWriteTransaction(() => (setLiveCardSuspended(cardId, suspended, now) ? { ok: true, card: findCard(cardId)! } : cardNotFound(cardId)));
}

/** Hides the card until the next study day starts. */
export function buryCard(cardId: number, now: Date): CardActionResult {
  return inWriteTransaction(() => {
    const s = getSettings();
    const until = nextDayStart(now, s.timezone, s.dayStartHour).getTime();
    return buryLiveCard(cardId, until, now) ? { ok: true, card: findCard(cardId)! } : cardNotFound(cardId);
  });
}

/** The four answer previews of a card shown again at once (after an undo), with its deck's preset. */
export function previewsOf(card: CardRow, now: Date): IntervalPreview[] {
  return previewIntervals(card, withPreset(getSettings(), deckPreset(card.deckId)), now);
}
