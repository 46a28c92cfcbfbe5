// The review page's calls to the JSON API, through the one client helper
// (app/api-client.ts): every failure comes back as a message to show.
import type { CardDto, QueueDto } from "@/lib/api/review-dto";
import { callApi } from "@/app/api-client";

export type { ApiResult } from "@/app/api-client";

export type QueueCardDto = QueueDto["cards"][number];
export type Rating = 1 | 2 | 3 | 4;


export type AnswerResponse = { card: CardDto; duplicate: boolean; leech: boolean; buried: number[] };
export type UndoResponse = { card: QueueCardDto; undone: { reviewId: string; rating: number } };

/** How many cards one queue fetch returns; the counts cover the whole day regardless. */
export const QUEUE_LIMIT = 10;

const call = callApi;

export const api = {
  queue: (deck: string | null) =>
    call<QueueDto>(`/api/v1/queue?${new URLSearchParams({ ...(deck ? { deck } : {}), limit: String(QUEUE_LIMIT) })}`),
  answer: (b: { cardId: number; rating: Rating; durationMs: number; reviewId: string; reps: number; override?: boolean }) => call<AnswerResponse>("/api/v1/reviews", b),
  undo: (deck: string | null) => call<UndoResponse>("/api/v1/reviews/undo", deck ? { deck } : {}),
  suspend: (id: number, suspended: boolean) => call<{ card: CardDto }>(`/api/v1/cards/${id}/suspend`, { suspended }),
  bury: (id: number) => call<{ card: CardDto }>(`/api/v1/cards/${id}/bury`, {}),
};

/** crypto.randomUUID needs a secure context (https or localhost); fall back to getRandomValues elsewhere. */
export function newReviewId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
