// getQueue on real SQLite with pinned clocks and saved settings: order,
// limits, the study-day boundary, previews and the "nothing left" numbers.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getQueue, type Queue } from "@/lib/services/queue";
import { answerCard, type ReviewSource } from "@/lib/services/review";
import { answerInSession, undoInSession } from "@/lib/services/study-actions";
import { sqlite } from "@/lib/db/sqlite";
import { readSettings as getSettings } from "@/lib/db/settings";
import { formatInterval, type Rating, type Settings } from "@/lib/srs";
import { DAY_MS, MIN_MS, makeLearning, makeReview, resetCards, seedDeck, setCard, singletonCards, useSettings } from "../helpers/seed";

const TZ = "America/New_York";
// Wednesday 2025-01-15 10:00 EST. Study day 2025-01-15 runs 09:00Z → 2025-01-16 09:00Z.
const NOW = new Date("2025-01-15T15:00:00Z");
const TODAY_START = new Date("2025-01-15T09:00:00Z");
const NEXT_START = new Date("2025-01-16T09:00:00Z");
const at = (iso: string) => new Date(iso);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

let deckId: number;
let S: number[]; // cards that are alone on their note: no sibling interference

const settings = (over: Partial<Settings> = {}) => useSettings({ timezone: TZ, dayStartHour: 4, ...over }, NOW);
const queue = (now: Date, limit = 1000, deck: number | null = null, over: Partial<Settings> = {}) =>
  getQueue({ deckId: deck, limit, now, ...(Object.keys(over).length ? { settings: { ...getSettings(), ...over } } : {}) });
const ids = (q: Queue) => q.cards.map((c) => c.card.id);
const SESSION = "queue-db-session";
/** Review answers go on the test's study session (so they can be undone); quiz answers do not. */
const answer = (cardId: number, rating: Rating, now: Date, source: ReviewSource = "review") => {
  if (source === "review") {
    const r = answerInSession({ cardId, rating, durationMs: 2000, reviewId: randomUUID(), sessionId: SESSION }, now);
    if (!r.ok) throw new Error(r.error);
    return r.result.card;
  }
  const r = answerCard({ cardId, rating, durationMs: 2000, reviewId: randomUUID(), source }, now);
  if (!r.ok) throw new Error(r.error);
  return r.card;
};
const undoLast = (now: Date) => undoInSession({ sessionId: SESSION }, now);
const scalar = (sql: string, ...args: unknown[]) =>
  (
    sqlite()
      .prepare(sql)
      .get(...args) as { n: number }
  ).n;
/** Suspends every card except `keep`. */
const only = (keep: number[]) =>
  sqlite()
    .prepare(`UPDATE Card SET suspended = 1 WHERE id NOT IN (${keep.map(() => "?").join(",")})`)
    .run(...keep);

beforeAll(async () => {
  deckId = await seedDeck(plus(NOW, -30 * DAY_MS));
  S = singletonCards();
}, 120_000); // the first sync writes 128 cards through Prisma

beforeEach(() => {
  resetCards(plus(NOW, -2 * DAY_MS));
  settings();
});

describe("order", () => {
  it("learning cards due now first (by due), then reviews with the new cards interleaved", () => {
    settings({ newPerDay: 3 });
    makeLearning(S[0]!, plus(NOW, -5 * MIN_MS), plus(NOW, -15 * MIN_MS));
    makeLearning(S[1]!, plus(NOW, -20 * MIN_MS), plus(NOW, -30 * MIN_MS));
    makeLearning(S[2]!, plus(NOW, 5 * MIN_MS), plus(NOW, -5 * MIN_MS)); // later today
    const reviews = S.slice(3, 9);
    // S[8] most overdue
    reviews.forEach((id, i) => {
      makeReview(id, plus(NOW, -(i + 1) * DAY_MS));
    });

    const q = queue(NOW);
    // Learning counts the card due later today too (Anki); it is not shown while others are due.
    expect(q.counts).toEqual({ new: 3, learning: 3, review: 6 });
    expect(q.learningLater).toEqual({ count: 1, nextDue: plus(NOW, 5 * MIN_MS) });
    expect(q.cards.map((c) => c.card.state)).toEqual([1, 1, 2, 2, 0, 2, 2, 0, 2, 2, 0]);
    expect(ids(q).slice(0, 2)).toEqual([S[1], S[0]]);
    // Reviews: most overdue first.
    expect(q.cards.filter((c) => c.card.state === 2).map((c) => c.card.id)).toEqual([...reviews].reverse());
    // New cards: by position, one per note, none from a note already in the queue.
    const news = q.cards.filter((c) => c.card.state === 0).map((c) => c.card);
    const claimed = new Set([S[0], S[1], S[2], ...reviews].map((id) => q.cards.find((c) => c.card.id === id)?.card.noteId ?? -1));
    const eligible = (sqlite().prepare(`SELECT id, noteId FROM Card WHERE state = 0 ORDER BY position, id`).all() as { id: number; noteId: number }[]).filter(
      (c) => !claimed.has(c.noteId),
    );
    const firstPerNote: number[] = [];
    const seen = new Set<number>();
    for (const c of eligible) {
      if (seen.has(c.noteId)) continue;
      seen.add(c.noteId);
      firstPerNote.push(c.id);
    }
    expect(news.map((c) => c.id)).toEqual(firstPerNote.slice(0, 3));
    expect(new Set(news.map((c) => c.noteId)).size).toBe(3);
  });

  it("with more new cards than reviews, the leftovers come after the last review", () => {
    settings({ newPerDay: 4 });
    makeReview(S[0]!, plus(NOW, -DAY_MS));
    makeReview(S[1]!, plus(NOW, -2 * DAY_MS));
    expect(queue(NOW).cards.map((c) => c.card.state)).toEqual([2, 0, 2, 0, 0, 0]);
  });

  it("limit cuts the list, not the counts", () => {
    settings({ newPerDay: 10 });
    const q = queue(NOW, 3);
    expect(q.cards).toHaveLength(3);
    expect(q.counts.new).toBe(10);
    expect(ids(q)).toEqual(ids(queue(NOW)).slice(0, 3));
  });
});

describe("daily limits", () => {
  it("the new-card limit counts cards introduced today", () => {
    settings({ newPerDay: 5 });
    expect(queue(NOW).counts).toEqual({ new: 5, learning: 0, review: 0 });
    const [a, b] = ids(queue(NOW)) as [number, number];
    answer(a, 3, NOW);
    answer(b, 1, NOW);
    let q = queue(plus(NOW, MIN_MS / 2));
    expect(q.counts).toEqual({ new: 3, learning: 2, review: 0 });
    expect(q.learningLater?.count).toBe(2);
    expect(ids(q)).not.toContain(a);
    expect(ids(q)).not.toContain(b);

    // Answering a learning card again does not introduce it twice.
    answer(b, 3, plus(NOW, 2 * MIN_MS)); // its 10m step: due at +12m
    q = queue(plus(NOW, 12 * MIN_MS));
    expect(q.counts).toEqual({ new: 3, learning: 2, review: 0 });
    expect(ids(q).slice(0, 2).sort()).toEqual([a, b].sort());

    // Undo gives the slot back; a card first seen in a quiz does not use one
    // (issue 12, item 8): it is a learning card, and the queue says how many quizzes introduced.
    undoLast(plus(NOW, 3 * MIN_MS)); // b's second answer
    undoLast(plus(NOW, 3 * MIN_MS)); // b's first answer
    expect(queue(plus(NOW, 3 * MIN_MS)).counts.new).toBe(4);
    answer(S[40]!, 3, plus(NOW, 4 * MIN_MS), "quiz");
    q = queue(plus(NOW, 5 * MIN_MS));
    expect(q.counts).toEqual({ new: 4, learning: 2, review: 0 }); // a (later today) and the quiz card (now)
    expect(q.quizNewToday).toBe(1);
    expect(ids(q)[0]).toBe(S[40]);

    // The next study day starts over.
    expect(queue(NEXT_START).counts.new).toBe(5);
  });

  it("a limit lowered below what was introduced today shows no new cards", () => {
    settings({ newPerDay: 3 });
    for (const id of ids(queue(NOW))) answer(id, 4, NOW);
    settings({ newPerDay: 2 });
    const q = queue(NOW);
    expect(q.counts.new).toBe(0);
    expect(q.nextDue?.toISOString()).toBe(NEXT_START.toISOString());
  });

  it("the review cap counts reviews done today", () => {
    settings({ newPerDay: 0, reviewsPerDay: 4 });
    const reviews = S.slice(0, 7);
    reviews.forEach((id, i) => {
      makeReview(id, plus(NOW, -(i + 1) * 3_600_000));
    });
    let q = queue(NOW);
    expect(q.counts).toEqual({ new: 0, learning: 0, review: 4 });
    expect(q.cards).toHaveLength(4);
    answer(ids(q)[0]!, 3, NOW);
    answer(ids(q)[1]!, 1, NOW); // a lapse: relearning, but still a review done
    q = queue(plus(NOW, MIN_MS));
    expect(q.counts).toEqual({ new: 0, learning: 1, review: 2 }); // the lapsed card relearns later today
    // Relearning answers do not use up the cap.
    const later = plus(NOW, 11 * MIN_MS);
    q = queue(later);
    expect(q.counts).toEqual({ new: 0, learning: 1, review: 2 });
    answer(q.cards[0]!.card.id, 3, later);
    expect(queue(plus(later, MIN_MS)).counts.review).toBe(2);
    // Capped: the rest wait for tomorrow, and the cap resets then.
    const answered = ids(queue(plus(later, MIN_MS)));
    for (const id of answered) answer(id, 3, plus(later, MIN_MS));
    q = queue(plus(later, 2 * MIN_MS));
    expect(q.cards).toEqual([]);
    expect(q.counts).toEqual({ new: 0, learning: 0, review: 0 });
    expect(q.nextDue?.toISOString()).toBe(NEXT_START.toISOString());
    const untouched = reviews.filter((id) => scalar(`SELECT reps AS n FROM Card WHERE id = ?`, id) === 4);
    expect(untouched).toHaveLength(3);
    const dueTomorrow = scalar(`SELECT count(*) AS n FROM Card WHERE state = 2 AND suspended = 0 AND due < ?`, plus(NEXT_START, DAY_MS).getTime());
    const tomorrow = queue(NEXT_START);
    expect(dueTomorrow).toBeGreaterThanOrEqual(3);
    expect(tomorrow.counts.review).toBe(Math.min(4, dueTomorrow));
    for (const id of untouched) expect(ids(tomorrow)).toContain(id);
  });
});

describe("the study day starts at dayStartHour in the learner's zone", () => {
  it("an answer at 03:59 local counts for the previous day, one at 04:01 for the new day (New York, west of UTC)", () => {
    settings({ newPerDay: 5, reviewsPerDay: 2 });
    const at0359 = at("2025-01-15T08:59:00Z");
    const at0401 = at("2025-01-15T09:01:00Z");
    makeReview(S[10]!, at("2025-01-14T12:00:00Z"));
    makeReview(S[11]!, at("2025-01-14T13:00:00Z"));
    makeReview(S[12]!, at("2025-01-14T14:00:00Z"));

    const before = queue(at0359);
    expect(before.today).toBe("2025-01-14");
    expect(before.nextDayStart.toISOString()).toBe(TODAY_START.toISOString());
    answer(S[0]!, 4, at0359); // a new card
    answer(S[10]!, 3, at0359); // a review
    const late = queue(plus(at0359, 30_000));
    expect(late.today).toBe("2025-01-14");
    expect(late.counts).toEqual({ new: 4, review: 1, learning: 0 });

    const fresh = queue(at0401);
    expect(fresh.today).toBe("2025-01-15");
    expect(fresh.nextDayStart.toISOString()).toBe(NEXT_START.toISOString());
    expect(fresh.counts).toEqual({ new: 5, review: 2, learning: 0 });

    answer(S[1]!, 4, at0401);
    answer(S[11]!, 3, at0401);
    expect(queue(plus(at0401, 30_000)).counts).toEqual({ new: 4, review: 1, learning: 0 });
  });

  it("east of UTC: Tokyo's study day starts at 19:00Z the evening before", () => {
    settings({ timezone: "Asia/Tokyo", newPerDay: 5 });
    const at0359 = at("2025-01-15T18:59:00Z"); // 03:59 JST on the 16th
    const at0401 = at("2025-01-15T19:01:00Z");
    expect(queue(at0359).today).toBe("2025-01-15");
    expect(queue(at0359).nextDayStart.toISOString()).toBe("2025-01-15T19:00:00.000Z");
    answer(S[0]!, 4, at0359);
    expect(queue(plus(at0359, 1000)).counts.new).toBe(4);
    expect(queue(at0401).today).toBe("2025-01-16");
    expect(queue(at0401).counts.new).toBe(5);
  });

  it("across a DST change: the 23-hour day before New York springs forward", () => {
    settings({ newPerDay: 5 });
    // Study day 2025-03-08 starts 04:00 EST (09:00Z) and ends 04:00 EDT on the 9th (08:00Z).
    const q = queue(at("2025-03-09T07:59:00Z"));
    expect(q.today).toBe("2025-03-08");
    expect(q.nextDayStart.toISOString()).toBe("2025-03-09T08:00:00.000Z");
    answer(S[0]!, 4, at("2025-03-09T07:59:00Z"));
    expect(queue(at("2025-03-09T07:59:30Z")).counts.new).toBe(4);
    expect(queue(at("2025-03-09T08:01:00Z")).today).toBe("2025-03-09");
    expect(queue(at("2025-03-09T08:01:00Z")).counts.new).toBe(5);
  });

  it("the day start hour is a setting: with 00:00 the 03:59 answer is today's", () => {
    settings({ newPerDay: 5, dayStartHour: 0 });
    answer(S[0]!, 4, at("2025-01-15T08:59:00Z"));
    const q = queue(at("2025-01-15T09:01:00Z"));
    expect(q.today).toBe("2025-01-15");
    expect(q.counts.new).toBe(4);
    expect(q.nextDayStart.toISOString()).toBe("2025-01-16T05:00:00.000Z");
  });
});

describe("previews", () => {
  const LABEL = /^(<1m|\d+m|\d+(\.\d)?h|\d+d|\d+(\.\d)?mo|\d+(\.\d)?y)$/;

  it("every card has four previews whose labels match their due, and answering gives exactly the previewed due", () => {
    settings({ newPerDay: 3 });
    makeLearning(S[0]!, plus(NOW, -MIN_MS), plus(NOW, -11 * MIN_MS));
    makeReview(S[1]!, plus(NOW, -3 * DAY_MS), { scheduled_days: 20, stability: 22 });
    setCard(S[2]!, {
      state: 3,
      due: plus(NOW, -MIN_MS),
      stability: 3,
      difficulty: 7,
      reps: 9,
      lapses: 2,
      last_review: plus(NOW, -10 * MIN_MS),
      learning_steps: 0,
    });
    const q = queue(NOW);
    expect(new Set(q.cards.map((c) => c.card.state))).toEqual(new Set([0, 1, 2, 3]));
    for (const { card, previews } of q.cards) {
      expect(previews.map((p) => p.rating)).toEqual([1, 2, 3, 4]);
      for (const p of previews) {
        expect(p.interval).toMatch(LABEL);
        expect(p.interval).toBe(formatInterval(p.due.getTime() - NOW.getTime()));
        expect(p.due.getTime()).toBeGreaterThan(NOW.getTime());
      }
      const dues = previews.map((p) => p.due.getTime());
      expect([...dues].sort((x, y) => x - y)).toEqual(dues);
      for (const p of previews) {
        const after = answer(card.id, p.rating, NOW);
        expect(after.due.toISOString(), `card ${card.id} state ${card.state} rating ${p.rating}`).toBe(p.due.toISOString());
        expect(undoLast(NOW).ok).toBe(true);
      }
    }
  });

  it("new cards show the learning steps from the settings, which apply to the next answer", () => {
    settings({ newPerDay: 1 });
    let [first] = queue(NOW).cards;
    expect(first!.previews[0]!.interval).toBe("1m");
    expect(first!.previews[2]!.interval).toBe("10m");
    settings({ newPerDay: 1, learningSteps: "2m 15m" });
    [first] = queue(NOW).cards;
    expect(first!.previews[0]!.interval).toBe("2m");
    expect(first!.previews[2]!.interval).toBe("15m");
    expect(answer(first!.card.id, 3, NOW).due.getTime()).toBe(NOW.getTime() + 15 * MIN_MS);
  });
});

describe("counts", () => {
  it("match the cards of each kind in the deck (one new card per note)", () => {
    settings({ newPerDay: 9999, reviewsPerDay: 9999 });
    for (const id of S.slice(0, 3)) makeLearning(id, plus(NOW, -MIN_MS), plus(NOW, -11 * MIN_MS));
    for (const id of S.slice(3, 10)) makeReview(id, plus(NOW, -DAY_MS));
    for (const id of S.slice(10, 12)) makeReview(id, plus(NOW, 5 * DAY_MS)); // not due
    setCard(S[12]!, { suspended: true });
    setCard(S[13]!, { retired: true });
    setCard(S[14]!, { buriedUntil: NEXT_START });

    const notesWithNew = scalar(
      `SELECT count(DISTINCT noteId) AS n FROM Card WHERE state = 0 AND suspended = 0 AND retired = 0 AND (buriedUntil IS NULL OR buriedUntil <= ?)`,
      NOW.getTime(),
    );
    const q = queue(NOW);
    expect(q.counts).toEqual({ new: notesWithNew, learning: 3, review: 7 });
    expect(q.cards).toHaveLength(notesWithNew + 10);
    expect(q.cards.filter((c) => c.card.state === 0)).toHaveLength(notesWithNew);
    for (const id of S.slice(10, 15)) expect(ids(q)).not.toContain(id);
    // The same for the deck alone (it is the only deck), nothing for an unknown deck id.
    expect(queue(NOW, 1000, deckId).counts).toEqual(q.counts);
    expect(queue(NOW, 1000, deckId + 1000)).toMatchObject({ cards: [], counts: { new: 0, learning: 0, review: 0 } });
  });
});

describe("when nothing is left", () => {
  const allReviewDueAt = (due: Date) =>
    sqlite()
      .prepare(`UPDATE Card SET state = 2, due = ?, stability = 10, difficulty = 5, scheduled_days = 10, reps = 3, last_review = ?`)
      .run(due.getTime(), due.getTime() - 10 * DAY_MS);

  it("counts the cards due tomorrow and says the next is due when tomorrow starts", () => {
    allReviewDueAt(plus(NOW, 5 * DAY_MS));
    makeReview(S[0]!, plus(NEXT_START, 2 * 3_600_000));
    makeReview(S[1]!, plus(NEXT_START, 20 * 3_600_000));
    makeLearning(S[2]!, plus(NEXT_START, 3_600_000), NOW); // a learning card due tomorrow counts too
    makeReview(S[3]!, plus(NEXT_START, DAY_MS)); // the day after: not tomorrow
    const q = queue(NOW);
    expect(q.cards).toEqual([]);
    expect(q.counts).toEqual({ new: 0, learning: 0, review: 0 });
    expect(q.dueTomorrow).toBe(3);
    expect(q.nextDue?.toISOString()).toBe(NEXT_START.toISOString());
    expect(q.learningLater).toBeNull();
  });

  it("with nothing due tomorrow, the next due is the start of the study day of the earliest card", () => {
    allReviewDueAt(plus(NOW, 10 * DAY_MS));
    makeReview(S[0]!, at("2025-01-20T07:00:00Z")); // 02:00 EST on the 20th: study day of the 19th
    const q = queue(NOW);
    expect(q.dueTomorrow).toBe(0);
    expect(q.nextDue?.toISOString()).toBe("2025-01-19T09:00:00.000Z");
  });

  it("a learning card later today is the next due, to the minute", () => {
    allReviewDueAt(plus(NOW, 10 * DAY_MS));
    makeLearning(S[0]!, plus(NOW, 7 * MIN_MS), plus(NOW, -3 * MIN_MS));
    const q = queue(NOW, 1000, null, { learnAheadMinutes: 0 });
    expect(q.cards).toEqual([]);
    expect(q.learningLater).toEqual({ count: 1, nextDue: plus(NOW, 7 * MIN_MS) });
    expect(q.nextDue?.toISOString()).toBe(plus(NOW, 7 * MIN_MS).toISOString());
    expect(ids(queue(plus(NOW, 7 * MIN_MS), 1000, null, { learnAheadMinutes: 0 }))).toEqual([S[0]]);
    // With the default 20-minute learn-ahead and nothing else due, it is shown now.
    expect(ids(queue(NOW))).toEqual([S[0]]);
  });

  it("after the last answer of the day, the queue is empty and reports what comes next", () => {
    settings({ newPerDay: 2 });
    only([S[0]!, S[1]!, S[2]!]);
    for (const id of ids(queue(NOW))) answer(id, 4, NOW);
    const q = queue(NOW);
    expect(q.cards).toEqual([]);
    expect(q.nextDue?.toISOString()).toBe(NEXT_START.toISOString()); // S[2], held back by the limit
    expect(ids(queue(NEXT_START))).toEqual([S[2]]);
  });

  it("with every card suspended there is no next due", () => {
    only([]);
    const q = queue(NOW);
    expect(q).toMatchObject({ cards: [], nextDue: null, dueTomorrow: 0, learningLater: null });
  });
});
