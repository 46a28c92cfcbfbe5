import fc from "fast-check";
import { expect, test } from "vitest";
import { buildQueue, queueWindow } from "../../../lib/srs/queue";
import { DEFAULT_SETTINGS, type QueueCard } from "../../../lib/srs/types";

const NOW = Date.UTC(2026, 2, 29, 1, 30); // during Berlin's spring-forward night
const H = 3_600_000;

const cardArb = fc.record({
  noteId: fc.integer({ min: 1, max: 40 }),
  position: fc.integer({ min: 0, max: 50 }),
  dueOffsetH: fc.integer({ min: -72, max: 72 }),
  state: fc.integer({ min: 0, max: 3 }),
  reviewedAgoH: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  suspended: fc.boolean(),
  buriedOffsetH: fc.option(fc.integer({ min: -24, max: 24 }), { nil: null }),
  leech: fc.boolean(),
  retired: fc.boolean(),
});

const inputArb = fc.record({
  cards: fc.array(cardArb, { maxLength: 80 }),
  tz: fc.constantFrom("Europe/Berlin", "Asia/Tokyo", "America/Los_Angeles", "UTC"),
  dayStartHour: fc.integer({ min: 0, max: 23 }),
  newPerDay: fc.integer({ min: 0, max: 10 }),
  reviewsPerDay: fc.integer({ min: 0, max: 30 }),
  newIntroducedToday: fc.integer({ min: 0, max: 12 }),
  reviewsDoneToday: fc.integer({ min: 0, max: 35 }),
  answered: fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 5 }),
  nowOffsetMin: fc.integer({ min: 0, max: 60 * 48 }),
});

test("queue invariants", () => {
  fc.assert(
    fc.property(inputArb, (inp) => {
      const now = new Date(NOW + inp.nowOffsetMin * 60_000);
      const cards: QueueCard[] = inp.cards.map((c, i) => ({
        id: i + 1,
        noteId: c.noteId,
        position: c.position,
        due: new Date(now.getTime() + c.dueOffsetH * H),
        state: c.state,
        last_review: c.state === 0 || c.reviewedAgoH === null ? null : new Date(now.getTime() - c.reviewedAgoH * H),
        suspended: c.suspended,
        buriedUntil: c.buriedOffsetH === null ? null : new Date(now.getTime() + c.buriedOffsetH * H),
        leech: c.leech,
        retired: c.retired,
      }));
      const settings = {
        ...DEFAULT_SETTINGS,
        timezone: inp.tz,
        dayStartHour: inp.dayStartHour,
        newPerDay: inp.newPerDay,
        reviewsPerDay: inp.reviewsPerDay,
      };
      const q = buildQueue({
        cards,
        now,
        settings,
        newIntroducedToday: inp.newIntroducedToday,
        reviewsDoneToday: inp.reviewsDoneToday,
        notesAnsweredToday: inp.answered,
      });
      const win = queueWindow(now, settings);
      const answered = new Set(inp.answered);

      // never an excluded card
      for (const c of q.items) {
        expect(c.retired || c.suspended || c.leech).toBe(false);
        expect(c.buriedUntil === null || c.buriedUntil.getTime() <= now.getTime()).toBe(true);
      }
      // limits
      const news = q.items.filter((c) => c.state === 0);
      const reviews = q.items.filter((c) => c.state === 2);
      const learning = q.items.filter((c) => c.state === 1 || c.state === 3);
      expect(news.length).toBeLessThanOrEqual(Math.max(0, inp.newPerDay - inp.newIntroducedToday));
      expect(reviews.length).toBeLessThanOrEqual(Math.max(0, inp.reviewsPerDay - inp.reviewsDoneToday));
      // Learning counts every live, unburied learning card due before the study day ends (Anki).
      const learningToday = cards.filter(
        (c) =>
          (c.state === 1 || c.state === 3) && !c.retired && !c.suspended && !c.leech && !(c.buriedUntil && c.buriedUntil > now) && c.due < win.nextDayStart,
      ).length;
      expect(q.counts).toEqual({ new: news.length, learning: learningToday, review: reviews.length });
      // no duplicates; learning first and due now; reviews due today
      expect(new Set(q.items.map((c) => c.id)).size).toBe(q.items.length);
      const firstOther = q.items.findIndex((c) => c.state === 0 || c.state === 2);
      if (firstOther >= 0) expect(q.items.slice(firstOther).every((c) => c.state === 0 || c.state === 2)).toBe(true);
      // learning items are due now — or, when nothing else is, within the 20-minute learn-ahead
      const aheadShown = learning.some((c) => c.due > now);
      if (aheadShown) expect(learning.length).toBe(q.items.length);
      for (const c of learning) expect(c.due.getTime()).toBeLessThanOrEqual(now.getTime() + (aheadShown ? 20 * 60_000 : 0));
      for (const c of reviews) expect(c.due.getTime()).toBeLessThan(win.nextDayStart.getTime());
      // siblings: new/review cards never share a note with another item or a note answered today
      const notes = new Map<number, number>();
      for (const c of q.items) notes.set(c.noteId, (notes.get(c.noteId) ?? 0) + 1);
      for (const c of [...news, ...reviews]) {
        expect(answered.has(c.noteId)).toBe(false);
        expect(notes.get(c.noteId)).toBe(1);
      }
      // reviews in due order
      for (let i = 1; i < reviews.length; i += 1) {
        expect(reviews[i]!.due.getTime()).toBeGreaterThanOrEqual(reviews[i - 1]!.due.getTime());
      }
      // nextDue is in the future
      if (q.nextDue) expect(q.nextDue.getTime()).toBeGreaterThan(now.getTime());
      if (q.learningLater) expect(q.learningLater.nextDue.getTime()).toBeGreaterThan(now.getTime());
    }),
    { numRuns: 400 },
  );
});
