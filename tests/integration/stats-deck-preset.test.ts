// Statistics use each deck's preset (decision 0037): a deck with its own FSRS
// weights has its cards' predicted recall worked out on its own curve, in
// "cards you would recall", the retrievability buckets and the weakest-first
// list; a deck without a preset keeps the global curve. Two decks, one card
// each, same stability and same elapsed days, so only the curve differs.
import { beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { databasePath } from "../../lib/db/database-path";
import type { Stats } from "../../lib/stats";
import { getStats } from "../../lib/services/stats";
import { DEFAULT_SETTINGS, recallAfter } from "../../lib/srs";

const NOW = new Date("2026-06-10T12:00:00Z");
const Z = (iso: string) => new Date(iso).getTime();
// Decay 0.5 (w20) instead of FSRS-6's default 0.1542: a much steeper curve after t = S.
const W21 = [
  0.2172, 1.1771, 3.2602, 16.1507, 7.0114, 0.57, 2.0966, 0.0069, 1.5261, 0.112, 1.0178, 1.849, 0.1133, 0.3127, 2.2934, 0.2191, 3.0004, 0.7536, 0.3332, 0.1437,
  0.5,
];
const S = 2;
const ELAPSED = 20; // last review 2026-05-21 12:00, study day 2026-05-21 (UTC, 04:00)

beforeAll(() => {
  const sql = new Database(databasePath());
  const t = Z("2026-01-01T00:00:00Z");
  sql.transaction(() => {
    const deck = sql.prepare(`INSERT INTO Deck (id, key, title, sourceFile, weights, createdAt, updatedAt) VALUES (?, ?, ?, 't.md', ?, ?, ?)`);
    deck.run(1, "plain", "Plain", null, t, t);
    deck.run(2, "tuned", "Tuned", JSON.stringify(W21), t, t);
    const note = sql.prepare(
      `INSERT INTO Note (id, deckId, key, kind, topic, fields, sourceQuote, retired, createdAt, updatedAt) VALUES (?, ?, ?, 'term', 'vocabulary', ?, 'q', 0, ?, ?)`,
    );
    note.run(1, 1, "term:plain", JSON.stringify({ term: "Plain" }), t, t);
    note.run(2, 2, "term:tuned", JSON.stringify({ term: "Tuned" }), t, t);
    const card = sql.prepare(
      `INSERT INTO Card (id, noteId, deckId, kind, payload, due, stability, difficulty, state, last_review, reps, createdAt, updatedAt)
       VALUES (?, ?, ?, 'recall', '{}', ?, ?, 5, 2, ?, 1, ?, ?)`,
    );
    for (const id of [1, 2]) card.run(id, id, id, Z("2026-05-23T12:00:00Z"), S, Z("2026-05-21T12:00:00Z"), t, t);
    sql.prepare(`INSERT INTO Settings (id, desiredRetention, dayStartHour, timezone, updatedAt) VALUES (1, 0.9, 4, 'UTC', ?)`).run(t);
  })();
  sql.close();
});

const plainR = recallAfter(ELAPSED, S, DEFAULT_SETTINGS);
const tunedR = recallAfter(ELAPSED, S, { weights: W21 });
let all: Stats;
let plain: Stats;
let tuned: Stats;
beforeAll(async () => {
  [all, plain, tuned] = await Promise.all([getStats({ now: NOW }), getStats({ now: NOW, deckKey: "plain" }), getStats({ now: NOW, deckKey: "tuned" })]);
});

describe("statistics use the deck's preset curve", () => {
  it("the two curves differ at 20 days for S = 2 (the case is a real test)", () => {
    // (1 + 0.98034649·20/2)^−0.1542 and (1 + (0.9^−2 − 1)·20/2)^−0.5
    expect(plainR).toBeCloseTo(0.69283, 5);
    expect(tunedR).toBeCloseTo(0.546711, 5);
  });

  it("cards you would recall: each deck's card on its own deck's curve", () => {
    expect(plain.known).toBeCloseTo(plainR, 8);
    expect(tuned.known).toBeCloseTo(tunedR, 8);
    expect(all.known).toBeCloseTo(plainR + tunedR, 8);
  });

  it("retrievability buckets and weakest first follow the deck's curve", () => {
    const bucketOf = (r: number) => Math.min(9, Math.trunc(r * 10));
    expect(plain.distributions.retrievability[bucketOf(plainR)]!.count).toBe(1);
    expect(tuned.distributions.retrievability[bucketOf(tunedR)]!.count).toBe(1);
    expect(all.weakest.map((w) => [w.deckKey, w.recall])).toEqual([
      ["tuned", tunedR],
      ["plain", plainR],
    ]);
  });
});
