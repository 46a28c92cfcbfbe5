import { describe, expect, test } from "vitest";
import { buildQueue, queueWindow, siblingsToBury } from "../../../lib/srs/queue";
import { DEFAULT_SETTINGS, type QueueCard, type Settings } from "../../../lib/srs/types";

// Berlin, winter (UTC+1), day starts 04:00 local = 03:00Z.
const settings: Settings = { ...DEFAULT_SETTINGS, timezone: "Europe/Berlin" };
const NOW = new Date("2026-01-15T10:00:00Z"); // 11:00 local
const NEXT_DAY = "2026-01-16T03:00:00.000Z";
const MIN = 60_000;
const at = (offsetMin: number) => new Date(NOW.getTime() + offsetMin * MIN);

let seq = 0;
function card(over: Partial<QueueCard> & { state: number }): QueueCard {
  seq += 1;
  return {
    id: seq,
    noteId: 1000 + seq,
    position: seq,
    due: NOW,
    last_review: over.state === 0 ? null : new Date("2026-01-01T10:00:00Z"),
    suspended: false,
    buriedUntil: null,
    leech: false,
    retired: false,
    ...over,
  };
}
const newCard = (over: Partial<QueueCard> = {}) => card({ state: 0, ...over });
const review = (dueMin: number, over: Partial<QueueCard> = {}) => card({ state: 2, due: at(dueMin), ...over });
const learning = (dueMin: number, over: Partial<QueueCard> = {}) => card({ state: 1, due: at(dueMin), last_review: at(-10), ...over });

function run(cards: QueueCard[], over: Partial<Parameters<typeof buildQueue>[0]> = {}) {
  return buildQueue({
    cards,
    now: NOW,
    settings,
    newIntroducedToday: 0,
    reviewsDoneToday: 0,
    ...over,
  });
}
const ids = (cards: readonly QueueCard[]) => cards.map((c) => c.id);

describe("order", () => {
  test("learning due now first (by due), then reviews with new cards interleaved", () => {
    const r = [review(-3000), review(-60), review(-2000), review(0), review(-5), review(-1)];
    const n = [newCard({ position: 2 }), newCard({ position: 1 })];
    const l = [learning(-1), relearning(-5)];
    function relearning(dueMin: number) {
      return card({ state: 3, due: at(dueMin), last_review: at(-20) });
    }
    const q = run([...n, ...r, ...l]);
    // reviews by due: r0(-3000) r2(-2000) r1(-60) r4(-5) r5(-1) r3(0); k = ceil(6/2) = 3
    expect(ids(q.items)).toEqual(ids([l[1]!, l[0]!, r[0]!, r[2]!, r[1]!, n[1]!, r[4]!, r[5]!, r[3]!, n[0]!]));
    expect(q.counts).toEqual({ new: 2, learning: 2, review: 6 });
  });

  test("leftover new cards go at the end; with no reviews it is just new cards by position", () => {
    const r = [review(-10)];
    const n = [newCard({ position: 5 }), newCard({ position: 3 }), newCard({ position: 3 })];
    expect(ids(run([...n, ...r]).items)).toEqual(ids([r[0]!, n[1]!, n[2]!, n[0]!]));
    expect(ids(run(n).items)).toEqual(ids([n[1]!, n[2]!, n[0]!]));
  });

  test("review ties on due are broken by id", () => {
    const a = review(-10);
    const b = review(-10);
    expect(ids(run([b, a]).items)).toEqual([a.id, b.id]);
  });

  test("reviews due later in today's study day are included; from the next day start they are not", () => {
    const tonight = card({ state: 2, due: new Date("2026-01-16T02:59:00Z") }); // 03:59 local
    const tomorrow = card({ state: 2, due: new Date(NEXT_DAY) }); // 04:00 local
    const q = run([tonight, tomorrow]);
    expect(ids(q.items)).toEqual([tonight.id]);
    expect(q.dueTomorrow).toBe(1);
    expect(q.nextDayStart.toISOString()).toBe(NEXT_DAY);
    expect(q.today).toBe("2026-01-15");
  });

  test("learning cards due later today count as learning today; with nothing else due, those within learn-ahead are shown", () => {
    const soon = learning(7);
    const later = learning(90);
    const q = run([later, soon]);
    expect(q.items).toEqual([soon]); // 7 min ≤ the 20-minute learn-ahead
    expect(q.counts).toEqual({ new: 0, learning: 2, review: 0 });
    expect(q.learningLater).toEqual({ count: 2, nextDue: at(7) });
    expect(q.nextDue).toEqual(at(7));
    const none = run([later, soon], { settings: { ...settings, learnAheadMinutes: 0 } });
    expect(none.items).toEqual([]);
    expect(none.counts.learning).toBe(2);
    // Something else due: no learning ahead.
    const withReview = run([later, soon, review(-5)]);
    expect(withReview.items.map((c) => c.state)).toEqual([2]);
  });
});

describe("limits", () => {
  test("new limit counts the cards already introduced today", () => {
    const n = Array.from({ length: 30 }, () => newCard());
    const s = { ...settings, newPerDay: 5 };
    expect(run(n, { settings: s }).counts.new).toBe(5);
    expect(run(n, { settings: s, newIntroducedToday: 3 }).counts.new).toBe(2);
    expect(run(n, { settings: s, newIntroducedToday: 7 }).counts.new).toBe(0);
    expect(ids(run(n, { settings: s, newIntroducedToday: 3 }).items)).toEqual(ids(n.slice(0, 2)));
  });

  test("review cap counts the reviews done today and keeps the most overdue", () => {
    const r = Array.from({ length: 20 }, (_, i) => review(-i));
    const s = { ...settings, reviewsPerDay: 10 };
    const q = run(r, { settings: s, reviewsDoneToday: 7 });
    expect(q.counts.review).toBe(3);
    expect(ids(q.items)).toEqual(ids([r[19]!, r[18]!, r[17]!]));
    const done = run(r, { settings: s, reviewsDoneToday: 12 });
    expect(done.items).toEqual([]);
    expect(done.nextDue?.toISOString()).toBe(NEXT_DAY);
  });

  test("the review cap does not limit learning cards", () => {
    const q = run([learning(-1), learning(-2), review(-1)], {
      settings: { ...settings, reviewsPerDay: 0 },
    });
    expect(q.counts).toEqual({ new: 0, learning: 2, review: 0 });
  });

  test("`limit` truncates items but not counts", () => {
    const q = run([review(-3), review(-2), review(-1), newCard()], { limit: 2 });
    expect(q.items).toHaveLength(2);
    expect(q.counts).toEqual({ new: 1, learning: 0, review: 3 });
  });

  test("bad numbers throw", () => {
    expect(() => run([], { reviewsDoneToday: Number.NaN })).toThrow(RangeError);
    expect(() => run([card({ state: 9 })])).toThrow(RangeError);
  });
});

describe("exclusions", () => {
  test("suspended, retired, leech and buried cards are not shown; an expired burial is", () => {
    const hidden = [
      review(-5, { suspended: true }),
      review(-5, { retired: true }),
      review(-5, { leech: true }),
      review(-5, { buriedUntil: new Date(NEXT_DAY) }),
      newCard({ suspended: true }),
      newCard({ buriedUntil: new Date(NEXT_DAY) }),
      learning(-1, { suspended: true }),
    ];
    const expired = review(-5, { buriedUntil: at(-60) });
    const q = run([...hidden, expired]);
    expect(ids(q.items)).toEqual([expired.id]);
  });

  test("a review card already answered today is not shown again on a 25-hour DST day", () => {
    // Berlin 2026-10-24 is a 25 h study day: 04:30 CEST + 24 h = 03:30 CET on the 25th, still the 24th's day.
    const now = new Date("2026-10-25T02:40:00Z"); // 03:40 CET
    const c = card({
      state: 2,
      due: new Date("2026-10-25T02:30:00Z"),
      last_review: new Date("2026-10-24T02:30:00Z"),
    });
    const q = buildQueue({ cards: [c], now, settings, newIntroducedToday: 0, reviewsDoneToday: 0 });
    expect(q.items).toEqual([]);
    expect(q.nextDue?.toISOString()).toBe("2026-10-25T03:00:00.000Z");
  });
  test("a review card a quiz failed today after scheduling it today is shown: it is due now, not a DST repeat", () => {
    // A quiz answered it right this morning (interval days ahead), a later quiz got it wrong: due now,
    // last review still this morning (quiz-practice keeps the memory state).
    const now = new Date("2026-01-15T15:00:00Z");
    const c = card({ state: 2, due: new Date("2026-01-15T14:59:00Z"), last_review: new Date("2026-01-15T09:00:00Z") });
    const q = buildQueue({ cards: [c], now, settings, newIntroducedToday: 0, reviewsDoneToday: 0 });
    expect(ids(q.items)).toEqual([c.id]);
  });
});

describe("siblings", () => {
  test("cards of a note answered today are held back, except its learning card", () => {
    const note = 77;
    const l = learning(-1, { noteId: note });
    const r = review(-5, { noteId: note });
    const n = newCard({ noteId: note });
    const other = review(-4);
    const q = run([l, r, n, other], { notesAnsweredToday: [note] });
    expect(ids(q.items)).toEqual([l.id, other.id]);
  });

  test("only one card per note in the queue: learning > review (most overdue) > new", () => {
    const r1 = review(-100, { noteId: 5 });
    const r2 = review(-200, { noteId: 5 });
    const n1 = newCard({ noteId: 5 });
    const n2 = newCard({ noteId: 6, position: 1 });
    const n3 = newCard({ noteId: 6, position: 2 });
    const l = learning(-1, { noteId: 7 });
    const r3 = review(-300, { noteId: 7 });
    const q = run([r1, r2, n1, n2, n3, l, r3]);
    expect(ids(q.items)).toEqual([l.id, r2.id, n2.id]);
    expect(q.counts).toEqual({ new: 1, learning: 1, review: 1 });
  });

  test("a learning card due later today still holds back its siblings", () => {
    const l = learning(30, { noteId: 9 });
    const r = review(-5, { noteId: 9 });
    const q = run([l, r]);
    expect(q.items).toEqual([]);
    expect(q.learningLater?.count).toBe(1);
  });

  test("a sibling skipped for the day does not use up the review cap", () => {
    const a = review(-3, { noteId: 1 });
    const b = review(-2, { noteId: 1 });
    const c = review(-1, { noteId: 2 });
    const q = run([a, b, c], { settings: { ...settings, reviewsPerDay: 2 } });
    expect(ids(q.items)).toEqual([a.id, c.id]);
  });

  test("siblingsToBury: new, due-today review and due-today learning siblings, until the next study day", () => {
    const answered = review(-5, { noteId: 3 });
    const sibs = [
      newCard({ noteId: 3 }),
      review(60, { noteId: 3 }),
      review(60 * 24 * 5, { noteId: 3 }), // due in 5 days: nothing to hide
      learning(5, { noteId: 3 }), // due in 5 min: not shown the same day either
      newCard({ noteId: 3, suspended: true }),
      newCard({ noteId: 3, buriedUntil: new Date(NEXT_DAY) }), // already buried
    ];
    const res = siblingsToBury(answered, [answered, ...sibs], NOW, settings);
    expect(res.buriedUntil.toISOString()).toBe(NEXT_DAY);
    expect(res.ids).toEqual([sibs[0]!.id, sibs[1]!.id, sibs[3]!.id]);
  });
});

describe("when nothing is left", () => {
  test("nextDue is the start of the study day the next review falls on; dueTomorrow counts the next day", () => {
    const inThreeDays = card({ state: 2, due: new Date("2026-01-18T15:00:00Z") });
    const tomorrowA = card({ state: 2, due: new Date("2026-01-16T12:00:00Z") });
    const tomorrowB = card({ state: 3, due: new Date("2026-01-17T02:00:00Z") }); // 03:00 local on the 17th
    const suspended = card({ state: 2, due: new Date("2026-01-16T12:00:00Z"), suspended: true });
    const q1 = run([inThreeDays]);
    expect(q1.items).toEqual([]);
    expect(q1.nextDue?.toISOString()).toBe("2026-01-18T03:00:00.000Z");
    expect(q1.dueTomorrow).toBe(0);
    const q2 = run([inThreeDays, tomorrowA, tomorrowB, suspended]);
    expect(q2.nextDue?.toISOString()).toBe(NEXT_DAY);
    expect(q2.dueTomorrow).toBe(2);
  });

  test("new cards held back by the daily limit come back at the next day start", () => {
    const q = run([newCard()], { newIntroducedToday: 20 });
    expect(q.items).toEqual([]);
    expect(q.nextDue?.toISOString()).toBe(NEXT_DAY);
  });

  test("no cards at all: nulls and zeros", () => {
    const q = run([]);
    expect(q).toMatchObject({ items: [], nextDue: null, learningLater: null, dueTomorrow: 0 });
  });

  test("queueWindow gives the bounds the DB layer queries with", () => {
    const w = queueWindow(NOW, settings);
    expect(w.today).toBe("2026-01-15");
    expect(w.todayStart.toISOString()).toBe("2026-01-15T03:00:00.000Z");
    expect(w.nextDayStart.toISOString()).toBe(NEXT_DAY);
    expect(w.dayAfterStart.toISOString()).toBe("2026-01-17T03:00:00.000Z");
  });
});

// Speed is the bench's job (`npm run bench`, queue rows); this checks the rules hold at that size.
test("100k cards: suspended cards and new and review cards of notes answered today stay out of the queue", () => {
  const cards: QueueCard[] = [];
  for (let i = 0; i < 100_000; i += 1) {
    const kind = i % 4;
    cards.push({
      id: i + 1,
      noteId: Math.floor(i / 2) + 1,
      position: 100_000 - i,
      due: at(((i * 7919) % 20000) - 10000),
      state: kind === 3 ? 2 : kind,
      last_review: kind === 0 ? null : new Date("2026-01-01T00:00:00Z"),
      suspended: i % 97 === 0,
      buriedUntil: null,
      leech: false,
      retired: false,
    });
  }
  const q = buildQueue({
    cards,
    now: NOW,
    settings: { ...settings, reviewsPerDay: 100_000, newPerDay: 100_000 },
    newIntroducedToday: 0,
    reviewsDoneToday: 0,
    notesAnsweredToday: new Set([1, 2, 3]),
  });
  expect(q.items.length).toBeGreaterThan(10_000);
  const byId = new Map(cards.map((c) => [c.id, c]));
  const shown = q.items.map((item) => byId.get(item.id));
  expect(shown.filter((c) => c?.suspended)).toEqual([]);
  // Learning cards are exempt: the card answered today comes back in its steps.
  expect(shown.filter((c) => c && c.noteId <= 3 && c.state !== 1)).toEqual([]);
});
