// lib/stats on real SQLite: a small hand-built history on a pinned clock in
// Europe/Berlin (day start 04:00), where every figure is worked out by hand
// in the comments. DST: Berlin moved to CEST (+2) on 2026-03-29 at 01:00Z and
// on 2025-03-30 at 01:00Z; before that CET (+1).
import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openSqlite } from "../../lib/db/sqlite";
import { databasePath } from "../../lib/db/database-path";
import { prepareDatabase } from "../../lib/db/prepare";
import type { Stats } from "../../lib/stats";
import { DeckNotFoundError, getStats } from "../../lib/services/stats";
import { DEFAULT_SETTINGS, retrievability } from "../../lib/srs";

const Z = (iso: string) => new Date(iso).getTime();
// Tuesday 2026-03-31 12:00 CEST. Study day "2026-03-31" = [03-31T02:00Z, 04-01T02:00Z).
const NOW = new Date("2026-03-31T10:00:00Z");

type CardSeed = {
  id: number;
  note: number;
  kind: string;
  state: number;
  S?: number;
  D?: number;
  last?: string;
  due: string;
  suspended?: boolean;
  leech?: boolean;
  retired?: boolean;
  buriedUntil?: string;
};
type LogSeed = { card: number; at: string; state: number; rating: number; source: "review" | "quiz"; ms?: number; sched?: number };

// Notes: id, deck (1 alpha, 2 beta), topic, retired.
const NOTES: [number, number, string, boolean][] = [
  [1, 1, "vocabulary", false],
  [2, 1, "takeaways", false],
  [3, 1, "pipeline", false],
  [4, 1, "vocabulary", false],
  [5, 1, "vocabulary", true], // retired note: its card c9 is not live
  [6, 1, "takeaways", false],
  [7, 2, "pipeline", false],
  [8, 2, "vocabulary", false],
  [9, 2, "takeaways", false],
];

// Retrievability now (lib/srs, default weights): elapsed = whole study days.
//  c1 5 days at S 5 → 0.9        c3 today → 1            c4 today → 1
//  c5 1 day at S 1.5 → 0.92537863                        c6 60 days at S 10 → 0.74271745
//  c7 11 days at S 0.5 → 0.61843276                      c11 30 days at S 400 → 0.98911936
//  c12 20 days at S 20 → 0.9     c15 3 days at S 3 → 0.9
//  c16 last review 03-31 03:59 CEST = study day 03-30 → 1 day at S 50 → 0.99701035
const CARDS: CardSeed[] = [
  { id: 1, note: 1, kind: "fwd", state: 2, S: 5, D: 3.2, last: "2026-03-26T10:00:00Z", due: "2026-03-31T08:00:00Z" }, // due today
  { id: 2, note: 1, kind: "rev", state: 0, due: "2026-01-01T00:00:00Z" }, // new, available
  { id: 3, note: 2, kind: "fwd", state: 2, S: 30, D: 7.5, last: "2026-03-31T02:30:00Z", due: "2026-04-03T09:00:00Z" }, // day 3
  { id: 4, note: 2, kind: "rev", state: 1, S: 2.3, D: 5.0, last: "2026-03-31T09:50:00Z", due: "2026-03-31T10:20:00Z" }, // learning, later today
  { id: 5, note: 3, kind: "fwd", state: 3, S: 1.5, D: 8.9, last: "2026-03-30T12:00:00Z", due: "2026-03-30T12:10:00Z" }, // relearning, overdue
  { id: 6, note: 3, kind: "rev", state: 2, S: 10, D: 2.0, last: "2026-01-30T10:00:00Z", due: "2026-02-09T10:00:00Z", suspended: true },
  { id: 7, note: 4, kind: "fwd", state: 2, S: 0.5, D: 9.5, last: "2026-03-20T10:00:00Z", due: "2026-03-21T10:00:00Z", suspended: true, leech: true },
  { id: 8, note: 4, kind: "rev", state: 0, due: "2026-01-01T00:00:00Z", buriedUntil: "2026-04-01T02:00:00Z" }, // new, buried today
  { id: 9, note: 5, kind: "fwd", state: 2, S: 10, D: 5, last: "2026-03-30T10:00:00Z", due: "2026-03-31T09:00:00Z", retired: true }, // note retired (the sync retires its cards with it)
  { id: 10, note: 6, kind: "fwd", state: 2, S: 10, D: 5, last: "2026-03-31T06:00:00Z", due: "2026-04-05T09:00:00Z", retired: true },
  { id: 11, note: 7, kind: "fwd", state: 2, S: 400, D: 1.0, last: "2026-03-01T10:00:00Z", due: "2026-04-01T05:00:00Z" }, // tomorrow 07:00
  { id: 12, note: 7, kind: "rev", state: 2, S: 20, D: 4.0, last: "2026-03-11T10:00:00Z", due: "2026-03-31T05:00:00Z", buriedUntil: "2026-04-01T02:00:00Z" }, // due today but buried → day 1
  { id: 13, note: 8, kind: "fwd", state: 0, due: "2026-01-01T00:00:00Z" },
  { id: 14, note: 8, kind: "rev", state: 0, due: "2026-01-01T00:00:00Z" },
  { id: 15, note: 9, kind: "fwd", state: 2, S: 3, D: 6, last: "2026-03-28T10:00:00Z", due: "2026-04-29T02:00:00Z" }, // = start of day 29
  { id: 16, note: 9, kind: "rev", state: 2, S: 50, D: 5.5, last: "2026-03-31T01:59:00Z", due: "2026-04-30T02:00:00Z" }, // day 30: outside
];

const LOGS: LogSeed[] = [
  // Today (study day 2026-03-31).
  { card: 4, at: "2026-03-31T09:50:00Z", state: 0, rating: 3, source: "review", ms: 8000 }, // L1 new card introduced
  { card: 3, at: "2026-03-31T02:30:00Z", state: 2, rating: 3, source: "review", ms: 5000, sched: 25 }, // L2 04:30 CEST, mature pass
  { card: 10, at: "2026-03-31T06:00:00Z", state: 2, rating: 2, source: "quiz", ms: 3000, sched: 3 }, // L4 retired card, young pass (Hard)
  { card: 12, at: "2026-03-31T07:00:00Z", state: 2, rating: 3, source: "review", ms: 1000, sched: 20 }, // L10 young (20 < 21) pass
  // Yesterday (2026-03-30).
  { card: 16, at: "2026-03-31T01:59:00Z", state: 2, rating: 1, source: "quiz", ms: 7000, sched: 40 }, // L3 03:59 CEST → yesterday; mature fail
  { card: 5, at: "2026-03-30T12:00:00Z", state: 2, rating: 1, source: "review", ms: 6000, sched: 10 }, // L5 young fail
  // 2026-03-29 (DST day, 23 hours).
  { card: 15, at: "2026-03-29T10:00:00Z", state: 2, rating: 4, source: "review", ms: 4000, sched: 2 }, // L6 young pass
  // 2026-03-28 04:01 CET → 03-28; 03:59 CET → 03-27.
  { card: 11, at: "2026-03-28T03:01:00Z", state: 1, rating: 3, source: "review", ms: 2000 }, // L7
  { card: 6, at: "2026-03-28T02:59:00Z", state: 2, rating: 3, source: "review", ms: 2000, sched: 21 }, // L8 mature (21) pass, day 03-27
  // 03-26: nothing. 03-25:
  { card: 7, at: "2026-03-25T11:00:00Z", state: 2, rating: 1, source: "review", ms: 2000, sched: 5 }, // L9 young fail
  // 03-10: in the 30-day window, outside the week.
  { card: 11, at: "2026-03-10T12:00:00Z", state: 2, rating: 3, source: "quiz", ms: 2000, sched: 30 }, // L11 mature pass
];
// A 7-day run in February (alpha, c1), outside the 30-day window.
for (let d = 1; d <= 7; d++) LOGS.push({ card: 1, at: `2026-02-0${d}T12:00:00Z`, state: 2, rating: 3, source: "review", sched: 4 });
// A 10-day run 2025-03-26 … 2025-04-04 (beta, c11) across the heatmap's first day (2025-04-01) and a DST change.
for (let i = 0; i < 10; i++) {
  const day = new Date(Z("2025-03-26T12:00:00Z") + i * 86_400_000).toISOString();
  LOGS.push({ card: 11, at: day, state: 2, rating: 3, source: "review", sched: 10 });
}

function seed(file: string) {
  const sql = new Database(file);
  const t = Z("2025-01-01T00:00:00Z");
  sql.transaction(() => {
    sql
      .prepare(
        `INSERT INTO Deck (id, key, title, sourceFile, createdAt, updatedAt) VALUES (1, 'alpha', 'Alpha', 'a.md', ?, ?), (2, 'beta', 'Beta', 'b.md', ?, ?), (3, 'gamma', 'Gamma', 'c.md', ?, ?)`,
      )
      .run(t, t, t, t, t, t);
    const note = sql.prepare(
      `INSERT INTO Note (id, deckId, key, kind, topic, fields, sourceQuote, retired, createdAt, updatedAt) VALUES (?, ?, ?, 'term', ?, '{}', 'q', ?, ?, ?)`,
    );
    for (const [id, deck, topic, retired] of NOTES) note.run(id, deck, `n${id}`, topic, retired ? 1 : 0, t, t);
    const card = sql.prepare(
      `INSERT INTO Card (id, noteId, deckId, kind, payload, due, stability, difficulty, state, last_review, suspended, buriedUntil, leech, retired, reps, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const c of CARDS) {
      const deck = NOTES.find((n) => n[0] === c.note)![1];
      card.run(
        c.id,
        c.note,
        deck,
        c.kind,
        Z(c.due),
        c.S ?? 0,
        c.D ?? 0,
        c.state,
        c.last ? Z(c.last) : null,
        c.suspended ? 1 : 0,
        c.buriedUntil ? Z(c.buriedUntil) : null,
        c.leech ? 1 : 0,
        c.retired ? 1 : 0,
        c.state === 0 ? 0 : 3,
        t,
        t,
      );
    }
    const log = sql.prepare(
      `INSERT INTO ReviewLog (cardId, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, learning_steps, reviewedAt, durationMs, source, reviewId, snapshot)
       VALUES (?, ?, ?, ?, 1, 5, 0, 0, ?, 0, ?, ?, ?, ?, '{}')`,
    );
    LOGS.forEach((l, i) => {
      log.run(l.card, l.rating, l.state, Z(l.at), l.sched ?? 0, Z(l.at), l.ms ?? 1000, l.source, `r${i}`);
    });
    sql.prepare(`INSERT INTO Settings (id, desiredRetention, newPerDay, dayStartHour, timezone, updatedAt) VALUES (1, 0.85, 2, 4, 'Europe/Berlin', ?)`).run(t);
  })();
  sql.close();
}

function setTimezone(tz: string) {
  const sql = new Database(databasePath());
  sql.prepare(`UPDATE Settings SET timezone = ? WHERE id = 1`).run(tz);
  sql.close();
}

const R = { c5: 0.92537863, c6: 0.74271745, c7: 0.61843276, c11: 0.98911936, c16: 0.99701035 };
const byDay = (s: Stats) => new Map(s.heatmap.map((h) => [h.day, h.count]));

beforeAll(() => seed(databasePath()));

describe("getStats, all decks, 2026-03-31 12:00 Berlin", () => {
  let s: Stats;
  beforeAll(async () => {
    s = await getStats({ now: NOW });
  });

  it("names the study day", () => {
    expect(s.day).toEqual({
      today: "2026-03-31",
      start: new Date("2026-03-31T02:00:00Z"),
      nextStart: new Date("2026-04-01T02:00:00Z"),
      timezone: "Europe/Berlin",
      dayStartHour: 4,
    });
  });

  it("today: due, new left, answers, time, streaks", () => {
    expect(s.today).toEqual({
      // Due now as the review page counts it: c5 (relearning, overdue) and the review c1 (due 10:00); c4 (learning,
      // due 12:20) is learning today but not due yet; c12 buried, c6/c7 suspended, c9/c10 retired.
      due: 2,
      learningToday: 2, // c4, c5
      dueTomorrow: 2, // = forecast[1]
      newLeft: 1, // available c2, c13, c14 (c8 buried) = 3; newPerDay 2 − 1 introduced today (L1) = 1
      reviewsDone: 4, // L1, L2, L4, L10 (L3 at 03:59 is yesterday)
      timeSpentMs: 8000 + 5000 + 3000 + 1000,
      secondsPerCard: 17 / 4,
      overdue: 1, // c5, due 03-30 12:10, before today started
      // 31, 30 (03:59 log), 29, 28 (04:01 log), 27 (only the 03:59 CET log) → 5; 03-26 empty.
      streak: 5,
      longestStreak: 10, // 2025-03-26 … 2025-04-04
    });
  });

  it("heatmap: 365 study days ending today", () => {
    expect(s.heatmap).toHaveLength(365);
    expect(s.heatmap[0]!.day).toBe("2025-04-01");
    expect(s.heatmap[364]).toEqual({ day: "2026-03-31", count: 4 });
    const m = byDay(s);
    expect(m.get("2026-03-30")).toBe(2);
    expect(m.get("2026-03-29")).toBe(1);
    expect(m.get("2026-03-28")).toBe(1);
    expect(m.get("2026-03-27")).toBe(1);
    expect(m.get("2026-03-26")).toBe(0);
    expect(m.get("2026-03-25")).toBe(1);
    expect(m.get("2026-03-10")).toBe(1);
    for (let d = 1; d <= 7; d++) expect(m.get(`2026-02-0${d}`)).toBe(1);
    for (const d of ["2025-04-01", "2025-04-02", "2025-04-03", "2025-04-04"]) expect(m.get(d)).toBe(1);
    expect(s.heatmap.reduce((n, h) => n + h.count, 0)).toBe(4 + 2 + 1 + 1 + 1 + 1 + 1 + 7 + 4);
  });

  it("forecast: 30 study days, overdue on day 0, burial respected", () => {
    expect(s.forecast).toHaveLength(30);
    expect(s.forecast[0]).toEqual({ day: "2026-03-31", due: 3 }); // c1, c4 (later today), c5 (overdue)
    expect(s.forecast[1]).toEqual({ day: "2026-04-01", due: 2 }); // c11, c12 (buried until tomorrow)
    expect(s.forecast[3]).toEqual({ day: "2026-04-03", due: 1 }); // c3
    expect(s.forecast[29]).toEqual({ day: "2026-04-29", due: 1 }); // c15 at the very start of day 29; c16 (day 30) is out
    expect(s.forecast.reduce((n, f) => n + f.due, 0)).toBe(7);
    expect(s.today.dueTomorrow).toBe(s.forecast[1]!.due);
  });

  it("retention: Anki's true retention — review screen, Review state, first answer of the day; young < 21 d ≤ mature", () => {
    expect(s.retention.desired).toBe(0.85);
    // Today: L2 mature pass, L10 (20 d) young pass. L4 is a quiz answer: not counted.
    expect(s.retention.day).toEqual({
      young: { passed: 1, total: 1, rate: 1 },
      mature: { passed: 1, total: 1, rate: 1 },
      all: { passed: 2, total: 2, rate: 1 },
    });
    // + L5 young fail, L6 young pass, L8 mature (21 d) pass, L9 young fail. L3 is a quiz answer.
    expect(s.retention.week).toEqual({
      young: { passed: 2, total: 4, rate: 2 / 4 },
      mature: { passed: 2, total: 2, rate: 1 },
      all: { passed: 4, total: 6, rate: 4 / 6 },
    });
    // L11 (03-10) is a quiz answer: the month adds nothing.
    expect(s.retention.month).toEqual(s.retention.week);
    expect(s.retention.daily).toHaveLength(30);
    expect(s.retention.daily.filter((d) => d.total > 0)).toEqual([
      { day: "2026-03-25", passed: 0, total: 1, rate: 0 }, // L9
      { day: "2026-03-27", passed: 1, total: 1, rate: 1 }, // L8
      { day: "2026-03-29", passed: 1, total: 1, rate: 1 }, // L6
      { day: "2026-03-30", passed: 0, total: 1, rate: 0 }, // L5
      { day: "2026-03-31", passed: 2, total: 2, rate: 1 }, // L2 L10
    ]);
  });

  it("activity: answers and time per study day, both sources", () => {
    expect(s.activity).toHaveLength(30);
    expect(s.activity[0]!.day).toBe("2026-03-02");
    expect(s.activity.filter((d) => d.answers > 0)).toEqual([
      { day: "2026-03-10", review: 0, quiz: 1, answers: 1, timeMs: 2000 }, // L11
      { day: "2026-03-25", review: 1, quiz: 0, answers: 1, timeMs: 2000 }, // L9
      { day: "2026-03-27", review: 1, quiz: 0, answers: 1, timeMs: 2000 }, // L8
      { day: "2026-03-28", review: 1, quiz: 0, answers: 1, timeMs: 2000 }, // L7
      { day: "2026-03-29", review: 1, quiz: 0, answers: 1, timeMs: 4000 }, // L6
      { day: "2026-03-30", review: 1, quiz: 1, answers: 2, timeMs: 13000 }, // L5, L3
      { day: "2026-03-31", review: 3, quiz: 1, answers: 4, timeMs: 17000 }, // L1 L2 L10, L4
    ]);
  });

  it("counts: a partition of the live cards (leech, then suspended, then state)", () => {
    expect(s.counts).toEqual({ new: 4, learning: 1, review: 6, relearning: 1, suspended: 1, leech: 1 });
  });

  it("distributions over the 10 reviewed live cards", () => {
    const counts = (b: { count: number }[]) => b.map((x) => x.count);
    // S: 0.5 | 2.3 1.5 | 5 3 | 10 | – | 20 | 30 50 | – | – | 400
    expect(counts(s.distributions.stability)).toEqual([1, 2, 2, 1, 1, 2, 0, 0, 1]);
    expect(s.distributions.stability.map((b) => b.bucket)).toEqual(["0–1d", "1–3d", "3–7d", "7–14d", "14–30d", "30–90d", "90–180d", "180–365d", "≥365d"]);
    // D: 1.0 | 2.0 | 3.2 | 4.0 | 5.0 5.5 | 6 | 7.5 | 8.9 | 9.5
    expect(counts(s.distributions.difficulty)).toEqual([1, 1, 1, 1, 2, 1, 1, 1, 1]);
    expect(s.distributions.difficulty[8]).toMatchObject({ bucket: "9–10", min: 9, max: null });
    // R: c7 0.618 | c6 0.743 | eight cards ≥ 0.9 (three of them exactly 0.9)
    expect(counts(s.distributions.retrievability)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 0, 8]);
  });

  it("known = Σ predicted recall of reviewed live cards at max(1, elapsed) days: today's c3 and c4 as of tomorrow", () => {
    // c3 and c4 were reviewed today (R now = 1): R(1 day, S 30) = 0.99505387, R(1 day, S 2.3) = 0.94672449.
    const expected = 0.9 * 3 + 0.99505387 + 0.94672449 + R.c5 + R.c6 + R.c7 + R.c11 + R.c16;
    expect(s.known).toBeCloseTo(expected, 7);
    expect(s.known).toBeCloseTo(8.91443691, 7);
    expect(s.reviewedCards).toBe(10);
    // The hand values are lib/srs's.
    const settings = { ...DEFAULT_SETTINGS, timezone: "Europe/Berlin" };
    const r = (id: number) => {
      const c = CARDS.find((x) => x.id === id)!;
      return retrievability(
        {
          state: c.state,
          stability: c.S!,
          difficulty: c.D!,
          due: new Date(c.due),
          elapsed_days: 0,
          scheduled_days: 0,
          learning_steps: 0,
          reps: 1,
          lapses: 0,
          last_review: new Date(c.last!),
        },
        settings,
        NOW,
      );
    };
    expect([r(5), r(6), r(7), r(11), r(16), r(1), r(12), r(15)]).toEqual([R.c5, R.c6, R.c7, R.c11, R.c16, 0.9, 0.9, 0.9]);
  });

  it("buttons and sources over the last 30 study days", () => {
    expect(s.buttons).toEqual({ review: [2, 0, 5, 1], quiz: [1, 1, 1, 0] });
    expect(s.buttonsByState).toEqual({
      review: { new: [0, 0, 1, 0], learning: [0, 0, 1, 0], review: [2, 0, 3, 1], relearning: [0, 0, 0, 0] }, // L1 / L7 / L5 L9, L2 L8 L10, L6
      quiz: { new: [0, 0, 0, 0], learning: [0, 0, 0, 0], review: [1, 1, 1, 0], relearning: [0, 0, 0, 0] }, // L3, L4, L11
    });
    expect(s.sources).toEqual({ review: 8, quiz: 3 });
  });

  it("mastery: predicted recall 30 days ahead ≥ 90% and last answer not Again, per deck, topic and kind", () => {
    // R(e + 30, S) ≥ 0.9 ⟺ e + 30 ≤ S (R(S, S) = 0.9): c3 (0 + 30 ≤ 30, exactly 0.9), c11 (30 + 30 ≤ 400),
    // c16 (1 + 30 ≤ 50) — but c16's last answer (L3) was Again. c1 (5 + 30 > 5) and the rest fall short.
    expect(s.mastery.horizonDays).toBe(30);
    expect(s.mastery.threshold).toBe(0.9);
    expect(s.mastery.deck).toEqual([
      { key: "alpha", title: "Alpha", cards: 8, mastered: 1, share: 1 / 8 }, // c3
      { key: "beta", title: "Beta", cards: 6, mastered: 1, share: 1 / 6 }, // c11
      { key: "gamma", title: "Gamma", cards: 0, mastered: 0, share: null },
    ]);
    expect(s.mastery.topic).toEqual([
      { topic: "pipeline", cards: 4, mastered: 1, share: 0.25 }, // c5 c6 c11 c12
      { topic: "takeaways", cards: 4, mastered: 1, share: 0.25 }, // c3 c4 c15 c16
      { topic: "vocabulary", cards: 6, mastered: 0, share: 0 }, // c1 c2 c7 c8 c13 c14
    ]);
    expect(s.mastery.kind).toEqual([{ kind: "term", cards: 14, mastered: 2, share: 1 / 7 }]);
  });
});

describe("getStats for one deck", () => {
  it("alpha", async () => {
    const s = await getStats({ deckKey: "alpha", now: NOW });
    expect(s.today).toEqual({
      due: 2, // c5 (relearning, overdue), c1 (review due today); c4 is learning later today
      learningToday: 2, // c4, c5
      dueTomorrow: 0,
      newLeft: 1, // c2 available; 2 − 1 introduced (L1 on c4)
      reviewsDone: 3, // L1 L2 L4 (L4's card is retired: the answer still happened)
      timeSpentMs: 16000,
      secondsPerCard: 16 / 3,
      overdue: 1, // c5
      streak: 2, // 31 (L1 L2 L4), 30 (L5); 29 empty
      longestStreak: 7, // February
    });
    const m = byDay(s);
    expect([m.get("2026-03-31"), m.get("2026-03-30"), m.get("2026-03-29"), m.get("2026-03-27"), m.get("2026-03-25")]).toEqual([3, 1, 0, 1, 1]);
    expect(s.heatmap.reduce((n, h) => n + h.count, 0)).toBe(3 + 1 + 1 + 1 + 7);
    expect(s.forecast.filter((f) => f.due > 0)).toEqual([
      { day: "2026-03-31", due: 3 },
      { day: "2026-04-03", due: 1 },
    ]);
    expect(s.counts).toEqual({ new: 2, learning: 1, review: 2, relearning: 1, suspended: 1, leech: 1 });
    expect(s.retention.week.all).toEqual({ passed: 2, total: 4, rate: 0.5 }); // L2 L8 pass; L5 L9 fail (L4 is a quiz; L3 L6 L10 are beta's)
    expect(s.buttons).toEqual({ review: [2, 0, 3, 0], quiz: [0, 1, 0, 0] }); // L1 L2 L5 L8 L9 / L4
    expect(s.known).toBeCloseTo(0.9 + 0.99505387 + 0.94672449 + R.c5 + R.c6 + R.c7, 7);
    expect(s.mastery.deck).toEqual([{ key: "alpha", title: "Alpha", cards: 8, mastered: 1, share: 1 / 8 }]);
    expect(s.mastery.topic.map((t) => [t.topic, t.cards, t.mastered])).toEqual([
      ["pipeline", 2, 0],
      ["takeaways", 2, 1],
      ["vocabulary", 4, 0],
    ]);
  });

  it("beta", async () => {
    const s = await getStats({ deckKey: "beta", now: NOW });
    expect(s.today).toMatchObject({ due: 0, newLeft: 2, reviewsDone: 1, timeSpentMs: 1000, streak: 4, longestStreak: 10 });
    expect(s.forecast[1]!.due).toBe(2);
    expect(s.sources).toEqual({ review: 3, quiz: 2 }); // L6 L7 L10 / L3 L11
  });

  it("an unknown deck key is an error", async () => {
    await expect(getStats({ deckKey: "nope", now: NOW })).rejects.toBeInstanceOf(DeckNotFoundError);
  });
});

describe("streak edges", () => {
  it("today without answers yet does not break the streak", async () => {
    // 04:10 CEST: today's first answer (L2 at 04:30) has not happened yet; 03:59's L3 is yesterday.
    const s = await getStats({ now: new Date("2026-03-31T02:10:00Z") });
    expect(s.day.today).toBe("2026-03-31");
    expect(s.today.reviewsDone).toBe(0);
    expect(s.today.streak).toBe(4); // 30, 29, 28, 27
    expect(s.heatmap[364]!.count).toBe(0);
  });

  it("a whole day without answers does", async () => {
    const s = await getStats({ now: new Date("2026-04-02T10:00:00Z") });
    expect(s.today.streak).toBe(0);
    expect(s.today.longestStreak).toBe(10);
  });

  it("a time-zone change re-buckets all history in the new zone", async () => {
    setTimezone("America/New_York"); // EDT (−4) since 2026-03-08
    try {
      const s = await getStats({ now: NOW }); // 06:00 EDT, study day 03-31
      expect(s.day.start).toEqual(new Date("2026-03-31T08:00:00Z"));
      // Only L1 (05:50 EDT) is today; L2 L3 L4 L5 L10 fall on 03-30; L7 (23:01) and L8 (22:59) on 03-27.
      expect(s.today.reviewsDone).toBe(1);
      const m = byDay(s);
      expect([m.get("2026-03-31"), m.get("2026-03-30"), m.get("2026-03-29"), m.get("2026-03-28"), m.get("2026-03-27")]).toEqual([1, 5, 1, 0, 2]);
      expect(s.today.streak).toBe(3); // 31, 30, 29; 28 is now empty
      expect(s.today.longestStreak).toBe(10);
    } finally {
      setTimezone("Europe/Berlin");
    }
  });
});

describe("an empty database", () => {
  it("gives zeros and nulls", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "cardinal-stats-")), "empty.db");
    prepareDatabase(file);
    const client = openSqlite(file);
    try {
      const s = await getStats({ now: NOW }, client);
      expect(s.day.today).toBe("2026-03-31");
      expect(s.day.timezone).toBe("UTC"); // no Settings row: defaults
      expect(s.today).toEqual({
        due: 0,
        learningToday: 0,
        dueTomorrow: 0,
        newLeft: 0,
        reviewsDone: 0,
        timeSpentMs: 0,
        secondsPerCard: null,
        overdue: 0,
        streak: 0,
        longestStreak: 0,
      });
      expect(s.heatmap).toHaveLength(365);
      expect(s.heatmap.every((h) => h.count === 0)).toBe(true);
      expect(s.forecast.every((f) => f.due === 0)).toBe(true);
      const empty = { passed: 0, total: 0, rate: null };
      expect(s.retention).toEqual({
        desired: 0.9,
        daily: s.retention.daily,
        day: { young: empty, mature: empty, all: empty },
        week: { young: empty, mature: empty, all: empty },
        month: { young: empty, mature: empty, all: empty },
      });
      expect(s.counts).toEqual({ new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, leech: 0 });
      expect(s.distributions.retrievability.every((b) => b.count === 0)).toBe(true);
      expect(s.known).toBe(0);
      expect(s.buttons).toEqual({ review: [0, 0, 0, 0], quiz: [0, 0, 0, 0] });
      expect(s.sources).toEqual({ review: 0, quiz: 0 });
      expect(s.retention.daily.every((d) => d.total === 0 && d.rate === null)).toBe(true);
      expect(s.activity.every((d) => d.answers === 0)).toBe(true);
      expect(s.mastery).toEqual({ horizonDays: 30, threshold: 0.9, deck: [], topic: [], kind: [] });
      expect(s.weakest).toEqual([]);
    } finally {
      client.close();
    }
  });
});
