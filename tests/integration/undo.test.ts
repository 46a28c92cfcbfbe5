// Undo restores the newest answer only while nothing else has touched the card
// since, and can be limited to the deck being reviewed.
import { describe, it, expect, beforeAll, beforeEach } from "vitest";
import { randomUUID } from "node:crypto";
import { POST as postUndo } from "@/app/api/v1/reviews/undo/route";
import { answerCard, setSuspended } from "@/lib/services/review";
import { DECK_KEY, MIN_MS, cardRow, jsonRequest, logsOf, resetCards, seedDeck, singletonCards, withoutUpdatedAt } from "../helpers/seed";

const NOW = new Date("2026-03-10T15:00:00Z");
const later = (min: number) => new Date(NOW.getTime() + min * MIN_MS);
const undo = (body: unknown = {}) => postUndo(jsonRequest("/api/v1/reviews/undo", body));
const answer = (cardId: number, source: "review" | "quiz", at: Date) =>
  answerCard({ cardId, rating: 3, durationMs: 1000, reviewId: randomUUID(), source }, at);

beforeAll(async () => {
  await seedDeck(NOW);
}, 120_000);
beforeEach(() => resetCards(NOW));

describe("undo", () => {
  it("returns the restored card with the previews of its four answers", async () => {
    const [id] = singletonCards();
    answer(id!, "review", later(1));
    const res = await undo({ deck: DECK_KEY });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { card: { id: number; previews: { rating: number; interval: string }[] } };
    expect(body.card.id).toBe(id);
    expect(body.card.previews.map((p) => p.rating)).toEqual([1, 2, 3, 4]);
    expect(body.card.previews.every((p) => p.interval.length > 0)).toBe(true);
  });

  it("undoes two answers of one card in turn, back to the untouched card", async () => {
    const [id] = singletonCards();
    const before = withoutUpdatedAt(cardRow(id!));
    answer(id!, "review", later(1));
    answer(id!, "review", later(20));
    expect((await undo()).status).toBe(200);
    expect((await undo()).status).toBe(200);
    expect(withoutUpdatedAt(cardRow(id!))).toEqual(before);
    expect(logsOf(id!)).toHaveLength(0);
  });

  it("refuses (409) when a quiz answered the card after the review, and changes nothing", async () => {
    const [id] = singletonCards();
    answer(id!, "review", later(1));
    answer(id!, "quiz", later(2));
    const row = cardRow(id!);
    const res = await undo();
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toMatch(/changed after that answer/);
    expect(cardRow(id!)).toEqual(row);
    expect(logsOf(id!)).toHaveLength(2);
  });

  it("refuses (409) when the card was suspended after the answer", async () => {
    const [id] = singletonCards();
    answer(id!, "review", later(1));
    setSuspended(id!, true, later(2));
    expect((await undo()).status).toBe(409);
    expect(cardRow(id!).suspended).toBe(1);
  });

  it("limits undo to the deck asked for", async () => {
    const [id] = singletonCards();
    answer(id!, "review", later(1));
    expect((await undo({ deck: "no-such-deck" })).status).toBe(404);
    expect(logsOf(id!)).toHaveLength(1);
    expect((await undo({ deck: DECK_KEY })).status).toBe(200);
  });
});
