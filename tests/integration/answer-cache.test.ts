// The answer path on real SQLite: getSettings must never serve stale
// settings — "changes apply to the next answer" whoever wrote them (it was
// once a cache revalidated with PRAGMA data_version) — and answerCard's reply,
// built from the scheduled card instead of read back, must be the stored row.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerCard, findCard } from "@/lib/services/review";
import { getSettings, patchSettings, saveSettings } from "@/lib/services/settings";
import { databasePath } from "@/lib/db/database-path";
import { sqlite } from "@/lib/db/sqlite";
import { LEECH_LAPSES, previewIntervals, type Rating } from "@/lib/srs";
import { DAY_MS, makeReview, notesWithCards, resetCards, seedDeck, setCard, singletonCards, useSettings } from "../helpers/seed";

const NOW = new Date("2026-05-04T09:00:00Z");
const answer = (cardId: number, rating: Rating, now = NOW) => {
  const r = answerCard({ cardId, rating, durationMs: 1500, reviewId: randomUUID(), source: "review" }, now);
  if (!r.ok) throw new Error(r.error);
  return r;
};
/** Writes Settings through a connection of its own, as another process (or Prisma) would. */
const writeElsewhere = (sql: string, ...args: unknown[]) => {
  const other = new Database(databasePath());
  other.prepare(sql).run(...args);
  other.close();
};

beforeAll(async () => {
  await seedDeck(new Date(NOW.getTime() - 30 * DAY_MS));
}, 120_000);

beforeEach(() => {
  resetCards(new Date(NOW.getTime() - 3_600_000));
  useSettings({ timezone: "Europe/Berlin" }, NOW);
});

describe("settings reads", () => {
  it("sees a write by another connection at the next read, and the next answer uses it", () => {
    const card = singletonCards()[0]!;
    makeReview(card, new Date(NOW.getTime() - DAY_MS), { scheduled_days: 20 });
    expect(getSettings().desiredRetention).toBe(0.9);
    writeElsewhere(`UPDATE Settings SET desiredRetention = 0.75, enableFuzz = 0 WHERE id = 1`);
    const s = getSettings();
    expect(s).toMatchObject({ desiredRetention: 0.75, enableFuzz: false });
    const good = previewIntervals(findCard(card)!, s, NOW)[2]!;
    expect(answer(card, 3).card.due).toEqual(good.due);
    // And back: the cache follows every change.
    writeElsewhere(`UPDATE Settings SET desiredRetention = 0.95 WHERE id = 1`);
    expect(getSettings().desiredRetention).toBe(0.95);
  });

  it("sees saveSettings and patchSettings at once", () => {
    getSettings();
    saveSettings({ ...getSettings(), newPerDay: 7 }, NOW);
    expect(getSettings().newPerDay).toBe(7);
    expect(patchSettings({ newPerDay: 9 }, NOW)).toMatchObject({ ok: true });
    expect(getSettings().newPerDay).toBe(9);
  });

  it("does not keep a write that was rolled back", () => {
    const before = getSettings();
    const db = sqlite();
    expect(() =>
      db.transaction(() => {
        saveSettings({ ...before, newPerDay: 1234 }, NOW);
        expect(getSettings().newPerDay).toBe(1234); // inside: the transaction's own view
        throw new Error("roll back");
      })(),
    ).toThrow("roll back");
    expect(getSettings()).toEqual(before);
  });

  it("hands out copies: changing one does not change the next", () => {
    const a = getSettings();
    a.newPerDay = 999;
    a.weights = [1];
    expect(getSettings().newPerDay).not.toBe(999);
    expect(getSettings().weights).toBeNull();
  });

  it("sees raw SQL on the app's own connection at the next read", () => {
    getSettings();
    sqlite().prepare(`UPDATE Settings SET reviewsPerDay = 77 WHERE id = 1`).run();
    expect(getSettings().reviewsPerDay).toBe(77);
  });
});

describe("answerCard's reply", () => {
  it("is the stored row, for new, learning, review and relearning cards and every rating", () => {
    const cards = singletonCards().slice(0, 16);
    cards.forEach((id, i) => {
      if (i % 4 === 1)
        setCard(id, {
          state: 1,
          due: new Date(NOW.getTime() - 60_000),
          stability: 2,
          difficulty: 5,
          learning_steps: 1,
          reps: 1,
          last_review: new Date(NOW.getTime() - 600_000),
        });
      if (i % 4 === 2) makeReview(id, new Date(NOW.getTime() - (i + 1) * DAY_MS));
      if (i % 4 === 3)
        setCard(id, {
          state: 3,
          due: new Date(NOW.getTime() - 60_000),
          stability: 3,
          difficulty: 7,
          lapses: 2,
          reps: 9,
          last_review: new Date(NOW.getTime() - 600_000),
        });
      const r = answer(id, ((i % 4) + 1) as Rating);
      expect(r.card).toEqual(findCard(id));
    });
  });

  it("is the stored row when the answer makes the card a leech (suspended too)", () => {
    const id = singletonCards()[20]!;
    makeReview(id, new Date(NOW.getTime() - DAY_MS), { lapses: LEECH_LAPSES - 1 });
    const r = answer(id, 1);
    expect(r.leech).toBe(true);
    expect(r.card).toMatchObject({ leech: true, suspended: true });
    expect(r.card).toEqual(findCard(id));
  });

  it("is the stored row when siblings get buried", () => {
    const [note] = notesWithCards(2);
    const [a, b] = note!.cardIds as [number, number];
    const r = answer(a, 3);
    expect(r.buried).toEqual([b]);
    expect(r.card).toEqual(findCard(a));
    expect(findCard(b)!.buriedUntil).not.toBeNull();
  });
});
