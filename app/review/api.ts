// The review page's calls to the JSON API. Every failure comes back as a
// message to show; nothing here throws.
import type { CardDto, QueueDto } from "@/lib/api/review-dto";

export type QueueCardDto = QueueDto["cards"][number];
export type Rating = 1 | 2 | 3 | 4;

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: string };

export type AnswerResponse = { card: CardDto; duplicate: boolean; leech: boolean; buried: number[] };
export type UndoResponse = { card: QueueCardDto; undone: { reviewId: string; rating: number } };

/** How many cards one queue fetch returns; the counts cover the whole day regardless. */
export const QUEUE_LIMIT = 10;

async function call<T>(url: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const res = await fetch(url, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
    const json = (await res.json().catch(() => null)) as unknown;
    if (!res.ok) {
      const err = json && typeof json === "object" && "error" in json && typeof json.error === "string" ? json.error : res.statusText;
      return { ok: false, status: res.status, error: `${err} (HTTP ${res.status})` };
    }
    return { ok: true, status: res.status, data: json as T };
  } catch (e) {
    return { ok: false, status: 0, error: `could not reach the server: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export const api = {
  queue: (deck: string | null) =>
    call<QueueDto>(`/api/v1/queue?${new URLSearchParams({ ...(deck ? { deck } : {}), limit: String(QUEUE_LIMIT) })}`),
  answer: (b: { cardId: number; rating: Rating; durationMs: number; reviewId: string; reps: number }) => call<AnswerResponse>("/api/v1/reviews", b),
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
