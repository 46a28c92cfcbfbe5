// The review page's calls to the JSON API, through the one client helper
// (app/api-client.ts): every failure comes back as a message to show.
import type { CardDto, QueueDto } from "@/lib/api/review-dto";
import { callApi } from "@/app/api-client";

export type { ApiResult } from "@/app/api-client";

export type QueueCardDto = QueueDto["cards"][number];
export type Rating = 1 | 2 | 3 | 4;

/** The action U undoes next: the page shows "Undo " + label. */
export type UndoTarget = { id: number; kind: string; label: string };
/** Every study action's reply carries the deck's next cards and counts (one round trip) and the new undo target. */
type ActionReply = { undo: UndoTarget | null; queue: QueueDto | null };
export type AnswerResponse = ActionReply & { card: CardDto; duplicate: boolean; leech: boolean; buried: number[] };
export type UndoResponse = ActionReply & { card: QueueCardDto | null; undone: UndoTarget; restored: number; skipped: number; quizId: string | null };
export type CardActionResponse = ActionReply & { card: CardDto };

/** How many cards one queue fetch returns; the counts cover the whole day regardless. */
export const QUEUE_LIMIT = 10;

const call = callApi;

type Deck = string | null;
const withDeck = (deck: Deck) => (deck ? { deck } : {});

export const api = {
  queue: (deck: Deck) => call<QueueDto>(`/api/v1/queue?${new URLSearchParams({ ...(deck ? { deck } : {}), limit: String(QUEUE_LIMIT) })}`),
  undoTarget: (sessionId: string) => call<{ undo: UndoTarget | null }>(`/api/v1/reviews/undo?${new URLSearchParams({ sessionId })}`),
  answer: (b: { cardId: number; rating: Rating; durationMs: number; reviewId: string; reps: number; sessionId: string; override?: boolean }, deck: Deck) =>
    call<AnswerResponse>("/api/v1/reviews", { ...b, ...withDeck(deck) }),
  undo: (sessionId: string, actionId: number | undefined, deck: Deck) =>
    call<UndoResponse>("/api/v1/reviews/undo", { sessionId, ...(actionId ? { actionId } : {}), ...withDeck(deck) }),
  suspend: (id: number, suspended: boolean, sessionId: string, deck: Deck) =>
    call<CardActionResponse>(`/api/v1/cards/${id}/suspend`, { suspended, sessionId, ...withDeck(deck) }),
  bury: (id: number, buried: boolean, sessionId: string, deck: Deck) =>
    call<CardActionResponse>(`/api/v1/cards/${id}/bury`, { buried, sessionId, ...withDeck(deck) }),
};

const SESSION_KEY = "cardinal.studySession";

/**
 * This tab's study session: its undo stack. Kept in sessionStorage, so a
 * reload continues it and a new tab (or a browser restart) starts a new one
 * — undo never reaches silently into an earlier session.
 */
export function studySessionId(): string {
  try {
    const have = sessionStorage.getItem(SESSION_KEY);
    if (have && /^[A-Za-z0-9_-]{8,64}$/.test(have)) return have;
    const id = newReviewId();
    sessionStorage.setItem(SESSION_KEY, id);
    return id;
  } catch {
    return newReviewId(); // storage disabled: a session per page load
  }
}

/** crypto.randomUUID needs a secure context (https or localhost); fall back to getRandomValues elsewhere. */
export function newReviewId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
