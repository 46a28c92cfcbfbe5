// The Progress page's honest figures (issue 13) on real SQLite, at a pinned
// clock: a card failed three times today, a review that follows a same-day
// quiz answer, quiz answers, an overdue card, a mastered stage. Every number
// is worked out by hand in the comments; R(t, S) values are FSRS-6's default
// curve R = (1 + 0.98034649·t/S)^−0.1542, rounded to 8 places (the test
// checks them against lib/srs too). UTC, study day starts 04:00.
import { beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { databasePath } from "../../lib/db/database-path";
import type { Stats } from "../../lib/stats";
import { getStats } from "../../lib/services/stats";
import { DEFAULT_SETTINGS, recallAfter } from "../../lib/srs";

const NOW = new Date("2026-06-10T12:00:00Z"); // study day 2026-06-10 = [06-10T04:00Z, 06-11T04:00Z)
const Z = (iso: string) => new Date(iso).getTime();

// Notes: id, kind, topic, fields.
const NOTES: [number, string, string, object][] = [
  [1, "term", "vocabulary", { term: "RLHF" }],
  [2, "term", "vocabulary", { term: "RLAIF" }],
  [3, "takeaway", "takeaways", { title: "Character is trained" }],
  [4, "takeaway", "takeaways", { title: "Prompts steer" }],
  [5, "stage", "pipeline", { name: "Pre-training" }],
  [6, "term", "vocabulary", { term: "SFT" }],
];
// Cards: id, note, state, S, last review, due.
const CARDS: [number, number, number, number, string | null, string][] = [
  [1, 1, 3, 0.5, "2026-06-10T09:20:00Z", "2026-06-10T09:30:00Z"], // cF: failed three times today, relearning
  [2, 2, 0, 0, null, "2026-01-01T00:00:00Z"], // cN: new
  [3, 3, 2, 40, "2026-06-10T08:30:00Z", "2026-07-20T08:30:00Z"], // cQ: quiz, then review, today
  [4, 4, 2, 20, "2026-06-10T10:00:00Z", "2026-06-11T10:00:00Z"], // cQ2: quiz answer Again today
  [5, 5, 2, 120, "2026-06-05T12:00:00Z", "2026-10-03T12:00:00Z"], // cM: reviewed 5 days ago
  [6, 6, 2, 5, "2026-06-02T12:00:00Z", "2026-06-07T12:00:00Z"], // cO: overdue since 06-07
];
// Logs: card, at, state before, rating, source, ms, scheduled_days before.
const LOGS: [number, string, number, number, "review" | "quiz", number, number][] = [
  [1, "2026-06-10T09:00:00Z", 2, 1, "review", 4000, 10], // first of the day, young: a retention fail
  [1, "2026-06-10T09:10:00Z", 3, 1, "review", 6000, 0], // relearning step: not retention
  [1, "2026-06-10T09:20:00Z", 3, 1, "review", 8000, 0], // again
  [3, "2026-06-10T08:00:00Z", 2, 3, "quiz", 3000, 30], // a quiz answer: never retention
  [3, "2026-06-10T08:30:00Z", 2, 3, "review", 2000, 30], // review after the quiz, same day: not the first answer
  [4, "2026-06-10T10:00:00Z", 2, 1, "quiz", 1000, 20], // quiz Again: not retention
  [5, "2026-06-05T12:00:00Z", 2, 3, "review", 5000, 30], // 06-05, mature pass
  [6, "2026-06-02T12:00:00Z", 2, 3, "review", 7000, 4], // 06-02, young pass
];

function seed(file: string) {
  const sql = new Database(file);
  const t = Z("2026-01-01T00:00:00Z");
  sql.transaction(() => {
    sql.prepare(`INSERT INTO Deck (id, key, title, sourceFile, createdAt, updatedAt) VALUES (1, 'talk', 'Talk', 't.md', ?, ?)`).run(t, t);
    const note = sql.prepare(
      `INSERT INTO Note (id, deckId, key, kind, topic, fields, sourceQuote, retired, createdAt, updatedAt) VALUES (?, 1, ?, ?, ?, ?, 'q', 0, ?, ?)`,
    );
    for (const [id, kind, topic, fields] of NOTES) note.run(id, `${kind}:${id}`, kind, topic, JSON.stringify(fields), t, t);
    const card = sql.prepare(
      `INSERT INTO Card (id, noteId, deckId, kind, payload, due, stability, difficulty, state, last_review, reps, createdAt, updatedAt)
       VALUES (?, ?, 1, 'recall', '{}', ?, ?, 5, ?, ?, 1, ?, ?)`,
    );
    for (const [id, n, state, S, last, due] of CARDS) card.run(id, n, Z(due), S, state, last ? Z(last) : null, t, t);
    const log = sql.prepare(
      `INSERT INTO ReviewLog (cardId, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, learning_steps, reviewedAt, durationMs, source, reviewId, snapshot)
       VALUES (?, ?, ?, ?, 1, 5, 0, 0, ?, 0, ?, ?, ?, ?, '{}')`,
    );
    for (const [i, [c, at, state, rating, source, ms, sched]] of LOGS.entries()) log.run(c, rating, state, Z(at), sched, Z(at), ms, source, `p${i}`);
    sql.prepare(`INSERT INTO Settings (id, desiredRetention, dayStartHour, timezone, updatedAt) VALUES (1, 0.9, 4, 'UTC', ?)`).run(t);
  })();
  sql.close();
}

const R = { cF: 0.84588465, cQ: 0.99627329, cQ2: 0.9926481, cM: 0.99384554, cO: 0.86462142 };

let s: Stats;
beforeAll(async () => {
  seed(databasePath());
  s = await getStats({ now: NOW });
});

describe("the Progress figures on a seeded history", () => {
  it("the hand values are lib/srs's", () => {
    const r = (t: number, S: number) => recallAfter(t, S, DEFAULT_SETTINGS);
    expect([r(1, 0.5), r(1, 40), r(1, 20), r(5, 120), r(8, 5)]).toEqual([R.cF, R.cQ, R.cQ2, R.cM, R.cO]);
  });

  it("Card.lastRating follows the newest answer (kept by triggers)", () => {
    const sql = new Database(databasePath(), { readonly: true });
    const rows = sql.prepare(`SELECT id, lastRating FROM Card ORDER BY id`).all();
    sql.close();
    expect(rows).toEqual([
      { id: 1, lastRating: 1 },
      { id: 2, lastRating: null },
      { id: 3, lastRating: 3 },
      { id: 4, lastRating: 1 },
      { id: 5, lastRating: 3 },
      { id: 6, lastRating: 3 },
    ]);
  });

  it("true retention counts neither quiz answers nor a review after a same-day quiz, nor relearning steps", () => {
    // Today only cF's 09:00 answer counts (a fail); cQ's 08:30 review followed its 08:00 quiz answer.
    expect(s.retention.day).toEqual({
      young: { passed: 0, total: 1, rate: 0 },
      mature: { passed: 0, total: 0, rate: null },
      all: { passed: 0, total: 1, rate: 0 },
    });
    // + cM on 06-05 (mature pass) and cO on 06-02 (young pass).
    expect(s.retention.month).toEqual({
      young: { passed: 1, total: 2, rate: 0.5 },
      mature: { passed: 1, total: 1, rate: 1 },
      all: { passed: 2, total: 3, rate: 2 / 3 },
    });
    expect(s.retention.desired).toBe(0.9);
  });

  it("time spent today and seconds per card count every answer", () => {
    expect(s.today.reviewsDone).toBe(6);
    expect(s.today.timeSpentMs).toBe(4000 + 6000 + 8000 + 3000 + 2000 + 1000);
    expect(s.today.secondsPerCard).toBe(4);
    expect(s.activity.at(-1)).toEqual({ day: "2026-06-10", review: 4, quiz: 2, answers: 6, timeMs: 24000 });
  });

  it("mastery: a card failed three times is never mastered, however fresh; nor one last answered Again in a quiz", () => {
    // cQ: 0 + 30 ≤ 40, last answer Good → mastered. cM: 5 + 30 ≤ 120 → mastered.
    // cF (S 0.5, last Again), cQ2 (30 > 20, and last Again), cO (38 > 5), cN (new): not.
    expect(s.mastery.deck).toEqual([{ key: "talk", title: "Talk", cards: 6, mastered: 2, share: 2 / 6 }]);
    expect(s.mastery.kind).toEqual([
      { kind: "stage", cards: 1, mastered: 1, share: 1 },
      { kind: "takeaway", cards: 2, mastered: 1, share: 0.5 },
      { kind: "term", cards: 3, mastered: 0, share: 0 },
    ]);
    expect(s.mastery.topic.map((t) => [t.topic, t.mastered, t.cards])).toEqual([
      ["pipeline", 1, 1],
      ["takeaways", 1, 2],
      ["vocabulary", 0, 3],
    ]);
  });

  it("cards you would recall: today's cards are measured as of tomorrow, so cF counts 0.846, not 1", () => {
    expect(s.reviewedCards).toBe(5);
    expect(s.known).toBeCloseTo(R.cF + R.cQ + R.cQ2 + R.cM + R.cO, 7);
    expect(s.known).toBeCloseTo(4.693273, 6);
  });

  it("weakest first: items by their weakest card's predicted recall, new items left out", () => {
    expect(s.weakest.map((w) => [w.name, w.kind, w.recall, w.weakestCardId, w.mastered, w.reviewed, w.cards])).toEqual([
      ["RLHF", "term", R.cF, 1, 0, 1, 1],
      ["SFT", "term", R.cO, 6, 0, 1, 1],
      ["Prompts steer", "takeaway", R.cQ2, 4, 0, 1, 1],
      ["Pre-training", "stage", R.cM, 5, 1, 1, 1],
      ["Character is trained", "takeaway", R.cQ, 3, 1, 1, 1],
    ]);
    expect(s.weakest[0]).toMatchObject({ key: "term:1", topic: "vocabulary", deckKey: "talk", cardIds: [1] });
  });

  it("forecast: today's backlog is on day 0 and counted apart", () => {
    // cF (relearning, due 09:30 today) and cO (overdue since 06-07); cQ2 tomorrow.
    expect(s.forecast[0]).toEqual({ day: "2026-06-10", due: 2 });
    expect(s.today.overdue).toBe(1);
    expect(s.forecast[1]).toEqual({ day: "2026-06-11", due: 1 });
  });

  it("answer buttons by the card's state before the answer", () => {
    expect(s.buttonsByState.review).toEqual({ new: [0, 0, 0, 0], learning: [0, 0, 0, 0], review: [1, 0, 3, 0], relearning: [2, 0, 0, 0] });
    expect(s.buttonsByState.quiz).toEqual({ new: [0, 0, 0, 0], learning: [0, 0, 0, 0], review: [1, 0, 1, 0], relearning: [0, 0, 0, 0] });
  });
});
