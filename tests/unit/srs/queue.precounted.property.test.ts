// buildQueue's `learningCounts` and `reviewsDueTomorrow` (see "COUNTED BY THE
// CALLER" in lib/srs/queue.ts): handing over the counts and only the first
// `limit` learning cards due now must give exactly what passing every card
// gives — items, counts, nextDue, dueTomorrow, learningLater.
import fc from "fast-check";
import { expect, test } from "vitest";
import { buildQueue, queueWindow, type LearningCounts, type ReviewsDueTomorrow } from "../../../lib/srs/queue";
import { DEFAULT_SETTINGS, type QueueCard } from "../../../lib/srs/types";

const NOW = Date.UTC(2026, 9, 25, 0, 30); // Berlin's fall-back night
const H = 3_600_000;

/** true one time in ten: most cards are live, so that siblings meet. */
const rarely = fc.integer({ min: 0, max: 9 }).map((x) => x === 0);

const cardArb = fc.record({
  noteId: fc.integer({ min: 1, max: 25 }),
  position: fc.integer({ min: 0, max: 50 }),
  dueOffsetMin: fc.integer({ min: -72 * 60, max: 80 * 60 }),
  state: fc.integer({ min: 0, max: 3 }),
  reviewedAgoH: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  suspended: rarely,
  buriedOffsetH: fc.option(fc.integer({ min: -24, max: 60 }), { nil: null, freq: 2 }),
  leech: rarely,
  retired: rarely,
});

const inputArb = fc.record({
  cards: fc.array(cardArb, { maxLength: 80 }),
  tz: fc.constantFrom("Europe/Berlin", "Asia/Tokyo", "America/Los_Angeles", "UTC"),
  dayStartHour: fc.integer({ min: 0, max: 23 }),
  newPerDay: fc.integer({ min: 0, max: 10 }),
  reviewsPerDay: fc.integer({ min: 0, max: 30 }),
  newIntroducedToday: fc.integer({ min: 0, max: 12 }),
  reviewsDoneToday: fc.integer({ min: 0, max: 35 }),
  answered: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 5 }),
  nowOffsetMin: fc.integer({ min: 0, max: 60 * 48 }),
  limit: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
  precountReviews: fc.boolean(),
});

const byDueThenId = (a: QueueCard, b: QueueCard) => a.due.getTime() - b.due.getTime() || a.id - b.id;

test("counted by the caller = every card passed", () => {
  fc.assert(
    fc.property(inputArb, (inp) => {
      const now = new Date(NOW + inp.nowOffsetMin * 60_000);
      const nowMs = now.getTime();
      const cards: QueueCard[] = inp.cards.map((c, i) => ({
        id: i + 1,
        noteId: c.noteId,
        position: c.position,
        due: new Date(nowMs + c.dueOffsetMin * 60_000),
        state: c.state,
        last_review: c.state === 0 || c.reviewedAgoH === null ? null : new Date(nowMs - c.reviewedAgoH * H),
        suspended: c.suspended,
        buriedUntil: c.buriedOffsetH === null ? null : new Date(nowMs + c.buriedOffsetH * H),
        leech: c.leech,
        retired: c.retired,
      }));
      const settings = { ...DEFAULT_SETTINGS, timezone: inp.tz, dayStartHour: inp.dayStartHour, newPerDay: inp.newPerDay, reviewsPerDay: inp.reviewsPerDay };
      const base = { now, settings, newIntroducedToday: inp.newIntroducedToday, reviewsDoneToday: inp.reviewsDoneToday, limit: inp.limit };
      const full = buildQueue({ ...base, cards, notesAnsweredToday: inp.answered });

      // What lib/db/queue.ts computes in SQL.
      const win = queueWindow(now, settings);
      const next = win.nextDayStart.getTime();
      const after = win.dayAfterStart.getTime();
      const live = cards.filter((c) => !c.retired && !c.suspended && !c.leech);
      const buried = (c: QueueCard) => c.buriedUntil !== null && c.buriedUntil.getTime() > nowMs;
      const eff = (c: QueueCard) => Math.max(c.due.getTime(), c.buriedUntil?.getTime() ?? -Infinity);
      const learning = live.filter((c) => (c.state === 1 || c.state === 3) && c.due.getTime() < after);
      const unburied = learning.filter((c) => !buried(c));
      const laterOnes = unburied.filter((c) => c.due.getTime() > nowMs && c.due.getTime() < next);
      const rest = [
        ...learning.filter(buried).map((c) => Math.max(c.due.getTime(), c.buriedUntil!.getTime())),
        ...unburied.filter((c) => c.due.getTime() >= next).map((c) => c.due.getTime()),
      ];
      const learningCounts: LearningCounts = {
        dueNow: unburied.filter((c) => c.due.getTime() <= nowMs).length,
        later: laterOnes.length,
        nextLaterDue: laterOnes.length ? new Date(Math.min(...laterOnes.map((c) => c.due.getTime()))) : null,
        dueTomorrow: learning.filter((c) => eff(c) >= next && eff(c) < after).length,
        nextAvailable: rest.length ? new Date(Math.min(...rest)) : null,
      };
      const tomorrow = live.filter((c) => c.state === 2 && c.due.getTime() >= next && c.due.getTime() < after);
      const reviewsDueTomorrow: ReviewsDueTomorrow = {
        count: live.filter((c) => c.state === 2 && eff(c) >= next && eff(c) < after).length,
        earliest: tomorrow.length ? new Date(Math.min(...tomorrow.map((c) => Math.max(c.due.getTime(), c.buriedUntil?.getTime() ?? -Infinity)))) : null,
      };
      // Due now, or within the 20-minute learn-ahead window (and today).
      const dueNow = unburied.filter((c) => c.due.getTime() <= nowMs + 20 * 60_000 && c.due.getTime() < next).sort(byDueThenId);
      const passedLearning = inp.limit === undefined ? dueNow : dueNow.slice(0, inp.limit);
      const inLearning = new Set([...learning.filter((c) => !buried(c) && c.due.getTime() < next)].map((c) => c.noteId));
      const others = cards.filter(
        (c) =>
          !((c.state === 1 || c.state === 3) && c.due.getTime() < after) &&
          !(inp.precountReviews && c.state === 2 && c.due.getTime() >= next && c.due.getTime() < after),
      );
      // Also pass some cards the caller counted (learning buried or later, reviews due tomorrow): they must be ignored.
      const noise = [...learning.filter((c) => !passedLearning.includes(c)).slice(0, 3), ...(inp.precountReviews ? tomorrow.slice(0, 2) : [])];
      const counted = buildQueue({
        ...base,
        cards: [...passedLearning, ...others, ...noise],
        notesAnsweredToday: [...inp.answered, ...inLearning],
        learningCounts,
        ...(inp.precountReviews ? { reviewsDueTomorrow } : {}),
      });

      expect(counted.items.map((c) => c.id)).toEqual(full.items.map((c) => c.id));
      expect(counted.counts).toEqual(full.counts);
      expect(counted.nextDue).toEqual(full.nextDue);
      expect(counted.dueTomorrow).toBe(full.dueTomorrow);
      expect(counted.learningLater).toEqual(full.learningLater);
      expect(counted.today).toBe(full.today);
    }),
    { numRuns: 600 },
  );
});

test("precounted figures are validated", () => {
  const now = new Date(NOW);
  const settings = { ...DEFAULT_SETTINGS };
  const base = { cards: [], now, settings, newIntroducedToday: 0, reviewsDoneToday: 0 };
  const lc: LearningCounts = { dueNow: 0, later: 1, nextLaterDue: null, dueTomorrow: 0, nextAvailable: null };
  expect(() => buildQueue({ ...base, learningCounts: lc })).toThrow(RangeError);
  expect(() => buildQueue({ ...base, learningCounts: { ...lc, later: 0, dueNow: Number.NaN } })).toThrow(RangeError);
  expect(buildQueue({ ...base, learningCounts: { ...lc, later: 2, nextLaterDue: new Date(NOW + 60_000), dueNow: 7 } })).toMatchObject({
    counts: { new: 0, learning: 9, review: 0 }, // due now + later today
    learningLater: { count: 2, nextDue: new Date(NOW + 60_000) },
    nextDue: new Date(NOW + 60_000),
  });
});
