// The review loop end to end on real SQLite: leeches, sibling burying across
// the study-day boundary, suspend/bury through the routes, and answers that
// fail half-way leaving nothing behind.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as postReview } from "@/app/api/v1/reviews/route";
import { GET as getQueueRoute } from "@/app/api/v1/queue/route";
import { POST as postSuspend } from "@/app/api/v1/cards/[id]/suspend/route";
import { POST as postBury } from "@/app/api/v1/cards/[id]/bury/route";
import { answerCard, type AnswerInput } from "@/lib/services/review";
import { answerInSession, undoInSession, undoTargetOf } from "@/lib/services/study-actions";
import { getQueue } from "@/lib/services/queue";
import { sqlite } from "@/lib/db/sqlite";
import type { Rating } from "@/lib/srs";
import {
  DAY_MS,
  MIN_MS,
  allCards,
  cardRow,
  idCtx,
  jsonRequest,
  logCount,
  makeReview,
  notesWithCards,
  resetCards,
  seedDeck,
  singletonCards,
  useSettings,
} from "../helpers/seed";

const rid = () => `r-${randomUUID()}`;
const TZ = "America/New_York";
// Monday 2025-03-10 11:00 EDT; the next study day starts 2025-03-11 04:00 EDT = 08:00Z.
const NOW = new Date("2025-03-10T15:00:00Z");
const TOMORROW = new Date("2025-03-11T08:00:00Z");

const answer = (cardId: number, rating: Rating, now: Date, extra: Partial<AnswerInput> = {}) => {
  const r = answerCard({ cardId, rating, durationMs: 3000, reviewId: rid(), source: "review", ...extra }, now);
  if (!r.ok) throw new Error(r.error);
  return r;
};
const queueIds = (now: Date) => getQueue({ deckId: null, limit: 1000, now }).cards.map((c) => c.card.id);

beforeAll(async () => {
  await seedDeck(new Date(NOW.getTime() - DAY_MS));
}, 120_000); // the first sync writes 128 cards through Prisma

beforeEach(() => {
  resetCards(new Date(NOW.getTime() - DAY_MS));
  useSettings({ timezone: TZ, dayStartHour: 4, newPerDay: 9999 });
});

describe("leeches", () => {
  it("a review card with 7 lapses answered Again becomes a leech, is suspended and leaves the queue", async () => {
    // Through the routes, on the real clock.
    const id = singletonCards()[0]!;
    makeReview(id, new Date(Date.now() - DAY_MS), { lapses: 7, reps: 20 });
    expect(queueIds(new Date())).toContain(id);

    const res = await postReview(jsonRequest("/api/v1/reviews", { cardId: id, rating: 1, durationMs: 2000, reviewId: rid(), reps: 20 }));
    expect(res.status).toBe(201);
    const b = (await res.json()) as { leech: boolean; card: { lapses: number; leech: boolean; suspended: boolean; state: number } };
    expect(b.leech).toBe(true);
    expect(b.card).toMatchObject({ lapses: 8, leech: true, suspended: true, state: 3 });
    expect(cardRow(id)).toMatchObject({ lapses: 8, leech: 1, suspended: 1 });

    // Gone now, after its relearning step, and next month.
    for (const at of [new Date(), new Date(Date.now() + 11 * MIN_MS), new Date(Date.now() + 30 * DAY_MS)]) {
      expect(queueIds(at)).not.toContain(id);
    }
    const q = (await (await getQueueRoute(new Request("http://localhost/api/v1/queue?limit=100"))).json()) as { cards: { id: number }[] };
    expect(q.cards.map((c) => c.id)).not.toContain(id);

    // Unsuspending clears the flag and the card comes back after its step.
    const un = await postSuspend(jsonRequest("/x", { suspended: false }), idCtx(String(id)));
    expect(un.status).toBe(200);
    expect(cardRow(id)).toMatchObject({ leech: 0, suspended: 0, lapses: 8 });
    expect(queueIds(new Date(Date.now() + 11 * MIN_MS))).toContain(id);
  });

  it("a card below the threshold answered Again is not a leech and comes back after its relearning step", () => {
    const id = singletonCards()[0]!;
    makeReview(id, new Date(NOW.getTime() - DAY_MS), { lapses: 6 });
    const r = answer(id, 1, NOW);
    expect(r.leech).toBe(false);
    expect(r.card).toMatchObject({ lapses: 7, leech: false, suspended: false, state: 3 });
    expect(queueIds(NOW)).not.toContain(id);
    const q = getQueue({ deckId: null, limit: 1000, now: NOW });
    expect(q.learningLater?.nextDue.getTime()).toBe(NOW.getTime() + 10 * MIN_MS);
    expect(queueIds(new Date(NOW.getTime() + 10 * MIN_MS))[0]).toBe(id);
  });
});

describe("sibling burying", () => {
  it("answering a new card buries its note's other new cards until the next study day starts", () => {
    const note = notesWithCards(4)[0]!;
    const [first, ...siblings] = note.cardIds as [number, ...number[]];
    const before = getQueue({ deckId: null, limit: 1000, now: NOW });
    expect(before.cards.map((c) => c.card.id)).toContain(first);

    const r = answer(first, 4, NOW); // Easy: straight to review, due in days
    expect(r.buried).toEqual(siblings);
    for (const s of siblings) expect(cardRow(s).buriedUntil).toBe(TOMORROW.getTime());

    const ids = queueIds(NOW);
    for (const id of note.cardIds) expect(ids).not.toContain(id);
    // Still hidden at 03:59 local (the same study day)...
    const late = queueIds(new Date(TOMORROW.getTime() - MIN_MS));
    for (const id of note.cardIds) expect(late).not.toContain(id);
    // ...and back at 04:00: one card of the note per day, the next by position.
    const next = queueIds(TOMORROW);
    expect(next).toContain(siblings[0]);
    for (const id of siblings.slice(1)) expect(next).not.toContain(id);
    expect(next).not.toContain(first); // a review card due in days
  });

  it("buries a sibling review card due today, not one due later, and it is due tomorrow", () => {
    const note = notesWithCards(4)[1]!;
    const [first, dueToday, dueLater, fresh] = note.cardIds as [number, number, number, number];
    makeReview(dueToday, new Date(NOW.getTime() - 3_600_000));
    makeReview(dueLater, new Date(NOW.getTime() + 5 * DAY_MS));
    setCardsSuspendedExcept([first, dueToday, dueLater, fresh]);

    const q0 = getQueue({ deckId: null, limit: 1000, now: NOW });
    // The review claims the note today: the new cards of the same note wait.
    expect(q0.cards.map((c) => c.card.id)).toEqual([dueToday]);
    expect(q0.counts).toEqual({ new: 0, learning: 0, review: 1 });

    const r = answer(first, 4, NOW); // answering a card outside the queue still buries
    expect(r.buried.sort()).toEqual([dueToday, fresh].sort());
    expect(cardRow(dueLater).buriedUntil).toBeNull();

    const q1 = getQueue({ deckId: null, limit: 1000, now: NOW });
    expect(q1.cards).toEqual([]);
    expect(q1.counts).toEqual({ new: 0, learning: 0, review: 0 });
    expect(q1.nextDue?.toISOString()).toBe(TOMORROW.toISOString());
    expect(q1.dueTomorrow).toBe(1); // buried until tomorrow: due tomorrow, as the forecast counts it (issue 12 problem 6)

    expect(queueIds(TOMORROW)).toEqual([dueToday]);
  });

  it("when the only cards left are buried siblings, the next card is due when the burial ends", () => {
    const note = notesWithCards(2)[0]!;
    const [first, second] = note.cardIds as [number, number];
    setCardsSuspendedExcept([first, second]);
    answer(first, 4, NOW); // Easy: due in several days
    expect(cardRow(first).due as number).toBeGreaterThan(TOMORROW.getTime() + DAY_MS);

    const q = getQueue({ deckId: null, limit: 1000, now: NOW });
    expect(q.cards).toEqual([]);
    expect(q.nextDue?.toISOString()).toBe(TOMORROW.toISOString());
    expect(queueIds(TOMORROW)).toEqual([second]);
  });

  it("undoing the answer unburies the siblings", () => {
    const note = notesWithCards(4)[2]!;
    const [first, ...siblings] = note.cardIds as [number, ...number[]];
    expect(answerInSession({ cardId: first, rating: 3, durationMs: 1000, reviewId: rid(), sessionId: "flow-session" }, NOW).ok).toBe(true);
    expect(undoInSession({ sessionId: "flow-session" }, NOW).ok).toBe(true);
    for (const s of siblings) expect(cardRow(s).buriedUntil).toBeNull();
    expect(queueIds(NOW)).toContain(first);
  });
});

describe("suspend and bury through the routes change the queue", () => {
  const counts = (now: Date) => getQueue({ deckId: null, limit: 1000, now }).counts;

  it("suspend removes a card, unsuspend brings it back", async () => {
    const now = new Date();
    const id = singletonCards()[0]!;
    const before = counts(now);
    expect(queueIds(now)).toContain(id);

    const res = await postSuspend(jsonRequest("/x"), idCtx(String(id))); // no body: suspends
    expect(res.status).toBe(200);
    expect(((await res.json()) as { card: { suspended: boolean } }).card.suspended).toBe(true);
    expect(queueIds(new Date())).not.toContain(id);
    expect(counts(new Date())).toEqual({ ...before, new: before.new - 1 });
    expect(queueIds(new Date(Date.now() + 30 * DAY_MS))).not.toContain(id);

    const un = await postSuspend(jsonRequest("/x", { suspended: false }), idCtx(String(id)));
    expect(un.status).toBe(200);
    expect(queueIds(new Date())).toContain(id);
    expect(counts(new Date())).toEqual(before);
  });

  it("bury hides a card until the next study day", async () => {
    const id = singletonCards()[1]!;
    makeReview(id, new Date(Date.now() - DAY_MS));
    const before = counts(new Date());
    expect(queueIds(new Date())).toContain(id);

    const res = await postBury(jsonRequest("/x"), idCtx(String(id)));
    expect(res.status).toBe(200);
    const b = (await res.json()) as { card: { buriedUntil: string } };
    const until = new Date(b.card.buriedUntil);
    const q = getQueue({ deckId: null, limit: 1000, now: new Date() });
    expect(q.nextDayStart.toISOString()).toBe(until.toISOString());
    expect(q.cards.map((c) => c.card.id)).not.toContain(id);
    expect(q.counts).toEqual({ ...before, review: before.review - 1 });
    expect(queueIds(new Date(until.getTime() - 1))).not.toContain(id);
    expect(queueIds(until)).toContain(id);
  });
});

/** Suspends every card except `keep` (to look at a few cards in isolation). */
function setCardsSuspendedExcept(keep: number[]): void {
  sqlite()
    .prepare(`UPDATE Card SET suspended = 1 WHERE id NOT IN (${keep.map(() => "?").join(",")})`)
    .run(...keep);
}

describe("a failure mid-write leaves nothing half-done", () => {
  const triggers: string[] = [];
  const addTrigger = (name: string, sql: string) => {
    sqlite().exec(`CREATE TRIGGER ${name} ${sql}`);
    triggers.push(name);
  };
  afterEach(() => {
    for (const t of triggers.splice(0)) sqlite().exec(`DROP TRIGGER IF EXISTS ${t}`);
  });

  it("a failing review-log insert rolls the card update back", () => {
    const id = singletonCards()[0]!;
    makeReview(id, new Date(NOW.getTime() - 2 * DAY_MS), { lapses: 7 });
    const cards = allCards();
    addTrigger("fail_log", `BEFORE INSERT ON ReviewLog BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    expect(() => answerCard({ cardId: id, rating: 1, durationMs: 1000, reviewId: rid(), source: "review" }, NOW)).toThrow(/boom/);
    expect(allCards()).toEqual(cards);
    expect(logCount()).toBe(0);
    // The connection is usable afterwards: the same answer then goes through.
    sqlite().exec(`DROP TRIGGER fail_log`);
    expect(answer(id, 1, NOW).leech).toBe(true);
    expect(logCount()).toBe(1);
  });

  it("a failing sibling burial rolls back the card and its log", () => {
    const note = notesWithCards(4)[3]!;
    const first = note.cardIds[0]!;
    const cards = allCards();
    addTrigger("fail_bury", `BEFORE UPDATE OF buriedUntil ON Card BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    expect(() => answerCard({ cardId: first, rating: 3, durationMs: 1000, reviewId: rid(), source: "review" }, NOW)).toThrow(/boom/);
    expect(allCards()).toEqual(cards);
    expect(logCount()).toBe(0);
  });

  it("a failing undo leaves the answer in place", () => {
    const note = notesWithCards(2)[1]!;
    const first = note.cardIds[0]!;
    answerInSession({ cardId: first, rating: 3, durationMs: 1000, reviewId: rid(), sessionId: "flow-fail" }, NOW);
    const cards = allCards();
    addTrigger("fail_delete", `BEFORE DELETE ON ReviewLog BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    expect(() => undoInSession({ sessionId: "flow-fail" }, NOW)).toThrow(/boom/);
    expect(undoTargetOf("flow-fail")).not.toBeNull(); // not marked undone: it can be tried again
    expect(allCards()).toEqual(cards);
    expect(logCount()).toBe(1);
  });
});
