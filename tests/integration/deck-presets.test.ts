// Deck presets: a deck with its own desired retention is scheduled with it —
// answers, button previews, rescheduling and the forecast — while other decks
// keep the global setting.
import { beforeEach, describe, expect, it } from "vitest";
import { sqlite } from "@/lib/db/sqlite";
import { answerCard } from "@/lib/services/review";
import { getQueue } from "@/lib/services/queue";
import { setDeckPreset, getDeckPreset } from "@/lib/services/deck-presets";
import { forecastWorkloadFor } from "@/lib/services/fsrs-simulate";
import { PUT } from "@/app/api/v1/decks/[key]/preset/route";
import { DAY_MS, DECK_KEY, resetCards, seedDeck, useSettings } from "../helpers/seed";

const T0 = new Date(Date.UTC(2026, 9, 1, 10));

function easyInterval(cardId: number, reviewId: string): number {
  const r = answerCard({ cardId, rating: 4, durationMs: 3000, reviewId, source: "review" }, T0);
  if (!r.ok) throw new Error(r.error);
  return Math.round((r.card.due.getTime() - T0.getTime()) / DAY_MS);
}

describe("deck presets", () => {
  beforeEach(async () => {
    await seedDeck(T0);
    resetCards(T0);
    useSettings({ enableFuzz: false, desiredRetention: 0.9 });
    setDeckPreset(DECK_KEY, { desiredRetention: null, weights: null }, T0);
  });

  it("a deck's own desired retention schedules its cards; null falls back to the global one", () => {
    const [a, b] = (sqlite().prepare(`SELECT id FROM Card ORDER BY id LIMIT 2`).all() as { id: number }[]).map((r) => r.id);
    const global = easyInterval(a!, "p1");
    expect(setDeckPreset(DECK_KEY, { desiredRetention: 0.7, weights: null }, T0)).toMatchObject({ kind: "ok" });
    const own = easyInterval(b!, "p2");
    // Lower retention, longer first interval (FSRS: about 4× at 0.70 vs 0.90).
    expect(own).toBeGreaterThan(global * 2);
    expect(getDeckPreset(DECK_KEY)).toEqual({ kind: "ok", preset: { desiredRetention: 0.7, weights: null } });
  });

  it("the review buttons show the preset's intervals", () => {
    const deckId = (sqlite().prepare(`SELECT id FROM Deck WHERE key = ?`).get(DECK_KEY) as { id: number }).id;
    const easy = () =>
      getQueue({ deckId, limit: 1, now: T0 })
        .cards[0]!.previews.find((p) => p.rating === 4)!
        .due.getTime();
    const before = easy();
    setDeckPreset(DECK_KEY, { desiredRetention: 0.7, weights: null }, T0);
    expect(easy()).toBeGreaterThan(before);
  });

  it("the forecast of one deck uses its preset", () => {
    setDeckPreset(DECK_KEY, { desiredRetention: 0.8, weights: null }, T0);
    const r = forecastWorkloadFor(T0, 1, DECK_KEY);
    expect(r.kind === "ok" && r.forecast.desiredRetention).toBe(0.8);
    expect(forecastWorkloadFor(T0, 1, "no-such-deck").kind).toBe("not-found");
  });

  it("PUT validates like the settings and writes nothing on an error", async () => {
    const put = (body: unknown, key = DECK_KEY) =>
      PUT(new Request("http://x", { method: "PUT", body: JSON.stringify(body) }), { params: Promise.resolve({ key }) });
    const bad = await put({ desiredRetention: 1.5, weights: null });
    expect(bad.status).toBe(400);
    expect((await bad.json()).details.fieldErrors.desiredRetention[0]).toMatch(/between 0.70 and 0.99/);
    expect(getDeckPreset(DECK_KEY)).toEqual({ kind: "ok", preset: { desiredRetention: null, weights: null } });
    expect((await put({ desiredRetention: 0.85, weights: null }, "nope")).status).toBe(404);
    expect((await put({ desiredRetention: 0.85, weights: null })).status).toBe(200);
  });
});
