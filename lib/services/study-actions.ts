// Study actions with one undo stack per study session (issue 12 items 1–4,
// issue 10 item 4, issue 14 item 2; decisions 0020 and 0060). Each function is
// one transaction and returns a typed outcome; routes map outcomes to HTTP.
// Every action records the rows it changed (lib/db/actions.ts), so undo is
// generic: review answers, suspends and burials here, quiz answers
// (./quiz.ts), flags (./flags.ts) and bulk actions (./bulk.ts) all go on the
// same stack by calling `recordStudyAction`.
//
// Siblings: an answer, a suspend or a bury hides the note's other cards until
// the next study day (lib/srs siblingsToBury), so no sibling is shown the
// same day; the burial is part of the action and comes back on undo.
import { nextDayStart, siblingsToBury, type CardRow, type Rating } from "../srs";
import { inWriteTransaction as inTransaction } from "../db/sqlite";
import { toCardRow } from "../db/card-rows";
import { logsWithCards, noteCardsOf, reviewLogIdOf, setBuriedUntil } from "../db/cards";
import { quizIdOfQuestion } from "../db/quizzes";
import {
  captureUpdates,
  findAction,
  insertedRow,
  latestOpenAction,
  markUndone,
  openActions,
  recordAction,
  revertChanges,
  StaleRow,
  type ActionRow,
  type NewAction,
} from "../db/actions";
import { answerCard, findCard, setSuspended, type AnswerResult } from "./review";
import { getSettings } from "./settings";
import { conflict, notFound, type Failure } from "./outcomes";

const noteCards = (cardId: number): CardRow[] => noteCardsOf(cardId).map(toCardRow);
const buryUntil = (ids: readonly number[], until: Date, now: Date) => setBuriedUntil(ids, until.getTime(), now);

/** What the page shows on its undo button: "Undo " + label. */
export type UndoTarget = { id: number; kind: string; label: string };

const RATING_NAMES: Record<number, string> = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };
const PROMPT_CHARS = 60;

/** A prompt, shortened, in quotes: how actions name what they acted on. */
export function quoted(text: string): string {
  const prompt = text.replace(/\s+/g, " ").trim();
  return `“${prompt.length > PROMPT_CHARS ? `${prompt.slice(0, PROMPT_CHARS - 1)}…` : prompt}”`;
}

/** The card's prompt, shortened, in quotes: how actions name their card. */
export function cardName(card: Pick<CardRow, "payload" | "id">): string {
  try {
    const p = (JSON.parse(card.payload) as { prompt?: unknown }).prompt;
    if (typeof p === "string" && p.trim() !== "") return quoted(p);
  } catch {
    // a payload that is not JSON: fall back to the id
  }
  return quoted(`card ${card.id}`);
}

const target = (a: ActionRow | null): UndoTarget | null => (a ? { id: a.id, kind: a.kind, label: a.label } : null);

/** Records an action on the session's stack; call inside the transaction that made `changes`. */
export function recordStudyAction(a: NewAction, now: Date): UndoTarget {
  return target(recordAction(a, now))!;
}

/** What U would undo now in this session. */
export function undoTargetOf(sessionId: string): UndoTarget | null {
  return target(latestOpenAction(sessionId));
}

export type AnswerOutcome = { ok: true; result: Extract<AnswerResult, { ok: true }>; undo: UndoTarget | null } | Failure;

/** A review-screen answer, recorded on the session's stack (a resent reviewId is applied and recorded once). */
export function answerInSession(
  input: { cardId: number; rating: Rating; durationMs: number; reviewId: string; expectedReps?: number; sessionId: string; override?: boolean },
  now: Date,
): AnswerOutcome {
  return inTransaction((): AnswerOutcome => {
    const ids = noteCards(input.cardId).map((c) => c.id);
    let result: AnswerResult | undefined;
    const changes = captureUpdates("Card", ids, () => {
      result = answerCard({ ...input, source: "review" }, now);
    });
    const r = result!;
    if (!r.ok) return r;
    if (r.duplicate) return { ok: true, result: r, undo: undoTargetOf(input.sessionId) };
    const logId = reviewLogIdOf(input.reviewId)!;
    const undo = recordStudyAction(
      {
        sessionId: input.sessionId,
        kind: "answer",
        label: `${RATING_NAMES[input.rating]}${input.override ? " (I was right)" : ""} on ${cardName(r.card)}`,
        cardId: input.cardId,
        changes: [...changes, insertedRow("ReviewLog", logId, ["cardId", "reviewId"])],
      },
      now,
    );
    return { ok: true, result: r, undo };
  });
}

export type CardOutcome = { ok: true; card: CardRow; undo: UndoTarget | null } | Failure;
const cardNotFound = (id: number) => notFound(`card ${id} not found`);

/** The note's cards that a suspend or bury of `card` hides for the rest of the study day. */
function buriedSiblings(card: CardRow, now: Date) {
  const s = getSettings();
  return siblingsToBury(card, noteCards(card.id), now, s);
}

/** Suspends (and hides its siblings for today) or unsuspends a card. */
export function suspendInSession(input: { cardId: number; suspended: boolean; sessionId: string }, now: Date): CardOutcome {
  return inTransaction((): CardOutcome => {
    const card = findCard(input.cardId);
    if (!card || card.retired) return cardNotFound(input.cardId);
    const ids = noteCards(card.id).map((c) => c.id);
    const changes = captureUpdates("Card", ids, () => {
      setSuspended(card.id, input.suspended, now);
      if (input.suspended) {
        const sib = buriedSiblings(card, now);
        buryUntil(sib.ids, sib.buriedUntil, now);
      }
    });
    const after = findCard(card.id)!;
    if (changes.length === 0) return { ok: true, card: after, undo: undoTargetOf(input.sessionId) };
    const undo = recordStudyAction(
      {
        sessionId: input.sessionId,
        kind: input.suspended ? "suspend" : "unsuspend",
        label: `${input.suspended ? "suspend" : "unsuspend"} of ${cardName(card)}`,
        cardId: card.id,
        changes,
      },
      now,
    );
    return { ok: true, card: after, undo };
  });
}

/** Buries a card and its siblings until the next study day, or unburies the card. */
export function buryInSession(input: { cardId: number; buried: boolean; sessionId: string }, now: Date): CardOutcome {
  return inTransaction((): CardOutcome => {
    const card = findCard(input.cardId);
    if (!card || card.retired) return cardNotFound(input.cardId);
    const ids = noteCards(card.id).map((c) => c.id);
    const changes = captureUpdates("Card", ids, () => {
      if (!input.buried) {
        setBuriedUntil([card.id], null, now);
        return;
      }
      const s = getSettings();
      const sib = buriedSiblings(card, now);
      buryUntil([card.id, ...sib.ids], nextDayStart(now, s.timezone, s.dayStartHour), now);
    });
    const after = findCard(card.id)!;
    if (changes.length === 0) return { ok: true, card: after, undo: undoTargetOf(input.sessionId) };
    const undo = recordStudyAction(
      {
        sessionId: input.sessionId,
        kind: input.buried ? "bury" : "unbury",
        label: `${input.buried ? "bury" : "unbury"} of ${cardName(card)}`,
        cardId: card.id,
        changes,
      },
      now,
    );
    return { ok: true, card: after, undo };
  });
}

/**
 * `card`: the card to show again at once on the review page (an undone
 * answer, suspend or bury of a card that can be shown); `restored`/`skipped`:
 * cards of a bulk action put back, and left as another session changed them.
 * A refused undo of an action already undone says which (`details.undone`).
 */
export type UndoOutcome =
  | { ok: true; undone: UndoTarget; card: CardRow | null; undo: UndoTarget | null; restored: number; skipped: number; quizId: string | null }
  | Failure;
const alreadyUndone = (a: ActionRow): Failure => ({ ...conflict(`${a.label} was already undone`), details: { undone: target(a) } });

/** Kinds whose undo brings the card back to the review screen. */
const SHOWN_AGAIN = new Set(["answer", "suspend", "bury"]);

function cardToShow(a: ActionRow, now: Date): CardRow | null {
  if (a.cardId === null || !SHOWN_AGAIN.has(a.kind)) return null;
  const card = findCard(a.cardId);
  if (!card || card.retired || card.suspended || (card.buriedUntil && card.buriedUntil > now)) return null;
  return card;
}

/** The quiz a quiz answer belongs to (the question row it changed). */
function quizOf(a: ActionRow): string | null {
  if (!a.kind.startsWith("quiz-")) return null;
  const q = a.changes.find((c) => c.table === "QuizQuestion");
  return typeof q?.id === "number" ? quizIdOfQuestion(q.id) : null;
}

/**
 * Undoes the session's newest action — or exactly `actionId`, which must be
 * it. Restores every row the action changed if none changed since (a bulk
 * action: every card not changed since), and marks the action undone in the
 * same transaction, so it runs at most once.
 */
export function undoInSession(input: { sessionId: string; actionId?: number }, now: Date): UndoOutcome {
  return inTransaction((): UndoOutcome => {
    const top = latestOpenAction(input.sessionId);
    if (input.actionId !== undefined && top?.id !== input.actionId) {
      const named = findAction(input.actionId);
      if (!named || named.sessionId !== input.sessionId) return notFound(`action ${input.actionId} is not in this study session`);
      if (named.undoneAt !== null) return alreadyUndone(named);
      return conflict(`${named.label} is not the latest action of this session; undo ${top ? top.label : "the newer ones"} first`);
    }
    if (!top) return notFound("nothing to undo in this study session");
    let result: { restored: number; skipped: number };
    try {
      result = revertChanges(top.changes, top.partial);
    } catch (e) {
      if (!(e instanceof StaleRow)) throw e;
      // Every row is checked before any is written: nothing changed, the action stays open.
      return conflict(`cannot undo ${top.label}: the card changed since (in another tab or session)`);
    }
    if (!markUndone(top.id, now)) return alreadyUndone(top);
    return {
      ok: true,
      undone: target(top)!,
      card: cardToShow(top, now),
      undo: undoTargetOf(input.sessionId),
      ...result,
      quizId: quizOf(top),
    };
  });
}

export type SessionSummary = {
  /** Answers in this session (undone ones excluded). */
  cards: number;
  timeMs: number;
  again: number;
  /** again / cards, 0 when no answers. */
  againRate: number;
  /** Cards of this session that are leeches now (suspended after too many lapses). */
  leeches: { id: number; name: string }[];
  suspended: number;
  buried: number;
};

/** What the study session did: its answers' count, time, Again rate and leeches (for the end-of-session summary). */
export function sessionSummary(sessionId: string): SessionSummary {
  const actions = openActions(sessionId);
  const logIds = actions
    .filter((a) => a.kind === "answer")
    .flatMap((a) => a.changes.filter((c) => c.op === "insert" && c.table === "ReviewLog").map((c) => c.id as number));
  const logs = logsWithCards(logIds);
  const again = logs.filter((l) => l.rating === 1).length;
  const leeches = new Map<number, string>();
  for (const l of logs) if (l.leech) leeches.set(l.cardId, cardName({ id: l.cardId, payload: l.payload }));
  return {
    cards: logs.length,
    timeMs: logs.reduce((t, l) => t + l.durationMs, 0),
    again,
    againRate: logs.length === 0 ? 0 : again / logs.length,
    leeches: [...leeches].map(([id, name]) => ({ id, name })),
    suspended: actions.filter((a) => a.kind === "suspend").length,
    buried: actions.filter((a) => a.kind === "bury").length,
  };
}
