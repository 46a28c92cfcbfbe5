// Use cases of the review screen: answering, undoing, suspending and burying
// cards. Each is one write transaction (synchronous, so nothing interleaves):
// the card and its review log change together or not at all. SQL lives in
// lib/db/cards.ts.
import { applyRating, becameLeech, siblingsToBury, nextDayStart, previewIntervals, withPreset, type CardRow, type IntervalPreview, type Rating } from "../srs";
import { deckPreset } from "../db/deck-presets";
import { getSettings } from "./settings";
import { inWriteTransaction } from "../db/sqlite";
import { conflict, deckNotFound, notFound, type Failure } from "./outcomes";
import { findDeckByKey } from "../db/decks";
import { toCardRow, type RawCard } from "../db/card-rows";
import {
  buryLiveCard,
  deleteLog,
  findAnswerLog,
  findLogByReviewId,
  findRawCard,
  hasLaterAnswer,
  insertLog,
  newestReviewAnswer,
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

export type AnswerResult =
  | { ok: true; card: CardRow; duplicate: boolean; leech: boolean; buried: number[] }
  | Failure;

/** What undo restores: the card as it was, and the siblings this answer buried. */
type Snapshot = { card: RawCard; siblings: { id: number; buriedUntil: number | null }[] };

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
      return { ok: true, card, duplicate: true, leech: snap.card.leech === 0 && card.leech, buried: snap.siblings.map((s) => s.id) };
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
    const { card: next, log } = applyRating(before, input.rating, settings, now);
    const leech = becameLeech(before, next);

    const siblingRows = noteCards.filter((c) => c !== raw).map(toCardRow);
    const bury = input.source === "review" ? siblingsToBury(before, siblingRows, now, settings) : { ids: [], buriedUntil: now };
    const snapshot: Snapshot = {
      card: raw,
      siblings: siblingRows.filter((s) => bury.ids.includes(s.id)).map((s) => ({ id: s.id, buriedUntil: s.buriedUntil?.getTime() ?? null })),
    };
    writeScheduledCard(raw.id, next, leech, now);
    insertLog({ cardId: raw.id, log, reviewedAt: now, durationMs: input.durationMs, source: input.source, reviewId: input.reviewId, snapshot: JSON.stringify(snapshot), override: input.override });
    setBuriedUntil(bury.ids, bury.buriedUntil.getTime(), now);
    // The row as just written (writeScheduledCard sets exactly these fields), without reading it back.
    const card: CardRow = { ...before, ...next, leech: before.leech || leech, suspended: before.suspended || leech };
    return { ok: true, card, duplicate: false, leech, buried: bury.ids };
  });
}

export type UndoResult = { ok: true; card: CardRow; undone: { reviewId: string; rating: number } } | Failure;

/**
 * Undoes the newest review-screen answer (in one deck, or in all) exactly: the
 * stored snapshot comes back and the log goes. Refused when the card changed
 * after that answer (a quiz answer, a suspend, a burial): restoring the
 * snapshot would silently erase that later change.
 */
export function undoLastReview(now: Date, deckId: number | null = null): UndoResult {
  return inWriteTransaction((): UndoResult => {
    const log = newestReviewAnswer(deckId);
    if (!log) return notFound("nothing to undo");
    const current = findRawCard(log.cardId)!;
    if (hasLaterAnswer(log.cardId, log.id) || current.updatedAt > log.reviewedAt) {
      return conflict(`card ${log.cardId} changed after that answer (a quiz answer, suspend or burial); it can no longer be undone`);
    }
    const { card, siblings } = JSON.parse(log.snapshot) as Snapshot;
    restoreCard(card, now);
    for (const s of siblings) setBuriedUntil([s.id], s.buriedUntil, now);
    deleteLog(log.id);
    return { ok: true, card: toCardRow(findRawCard(log.cardId)!), undone: { reviewId: log.reviewId, rating: log.rating } };
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

export type UndoWithPreviews = { ok: true; card: CardRow; previews: IntervalPreview[]; undone: { reviewId: string; rating: number } } | Failure;

/** Undo in a deck given by key (or in all decks); the restored card comes with its answer previews, as it is shown again at once. */
export function undoInDeck(deckKey: string | null, now: Date): UndoWithPreviews {
  const deck = deckKey === null ? null : findDeckByKey(deckKey);
  if (deckKey !== null && deck === null) return deckNotFound(deckKey);
  const r = undoLastReview(now, deck?.id ?? null);
  if (!r.ok) return r;
  return { ...r, previews: previewIntervals(r.card, withPreset(getSettings(), deckPreset(r.card.deckId)), now) };
}
