// The quiz-practice rules (lib/srs/quiz-practice.ts, README "Quizzes are
// practice") at pinned clocks: a quiz never pushes a card back, a wrong
// answer makes it due now, same-day answers do not compound, and a new card
// becomes a learning card.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { applyQuizAnswer, isDueForReview } from "../../../lib/srs/quiz-practice";
import { applyRating, newCardFields } from "../../../lib/srs/scheduler";
import { DEFAULT_SETTINGS, type FsrsFields, type Rating, type Settings } from "../../../lib/srs/types";

const settings: Settings = { ...DEFAULT_SETTINGS, timezone: "Europe/Berlin", enableFuzz: false };
const T0 = new Date("2026-01-10T10:00:00Z");
const MIN = 60_000;
const DAY = 86_400_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A card that graduated to Review on T0 with two Good answers. */
function reviewCard(): FsrsFields {
  let c = applyRating({ ...newCardFields(T0), id: 1 }, 3, settings, T0).card;
  c = applyRating({ ...c, id: 1 }, 3, settings, c.due).card;
  expect(c.state).toBe(2);
  return c;
}
const quiz = (c: FsrsFields, rating: Rating, now: Date) => applyQuizAnswer({ ...c, id: 1 }, rating, settings, now);

describe("a quiz answer on a new card", () => {
  test.each([[4], [3], [2]] as [Rating][])("right (rating %i) makes it a learning card due now, not a 7-day review", (rating) => {
    const r = quiz(newCardFields(T0), rating, at(MIN));
    expect(r.effect).toBe("introduced");
    expect(r.card.state).toBe(1);
    expect(r.card.due.getTime()).toBe(at(MIN).getTime());
    expect(r.card.reps).toBe(1);
    expect(r.log.state).toBe(0); // the log says it was new: the review page does not count it as its own introduction
  });
  test("wrong makes it a learning card due now", () => {
    const r = quiz(newCardFields(T0), 1, at(MIN));
    expect(r.card.state).toBe(1);
    expect(r.card.due.getTime()).toBe(at(MIN).getTime());
  });
});

describe("a quiz answer on a card that is not due", () => {
  test("right leaves the schedule as it was; repeated Easy answers 35 s apart do not compound", () => {
    const c = reviewCard();
    const t = new Date(c.last_review!.getTime() + 2 * 60 * MIN);
    const first = quiz(c, 4, t);
    const second = quiz(first.card, 4, new Date(t.getTime() + 35_000));
    for (const r of [first, second]) {
      expect(r.effect).toBe("unchanged");
      expect(r.card.due).toEqual(c.due);
      expect(r.card.stability).toBe(c.stability);
      expect(r.card.last_review).toEqual(c.last_review);
    }
    expect(second.card.reps).toBe(c.reps + 2);
  });
  test("wrong makes it due now, keeping its memory state for the review page", () => {
    const c = reviewCard();
    const t = new Date(c.last_review!.getTime() + DAY);
    const r = quiz(c, 1, t);
    expect(r.effect).toBe("due-now");
    expect(r.card.due).toEqual(t);
    expect(r.card.state).toBe(2);
    expect(r.card.stability).toBe(c.stability);
    expect(r.card.lapses).toBe(c.lapses);
    expect(isDueForReview(r.card, t, settings)).toBe(true);
  });
  test("a learning card between steps: right changes nothing, wrong makes it due now", () => {
    const c = applyRating({ ...newCardFields(T0), id: 1 }, 3, settings, T0).card; // next step in 10 min
    expect(quiz(c, 3, at(MIN)).card.due).toEqual(c.due);
    expect(quiz(c, 1, at(MIN)).card.due).toEqual(at(MIN));
  });
});

describe("a quiz answer on a due card", () => {
  test("right schedules it as its review, once: a second quiz the same day changes nothing", () => {
    const c = reviewCard();
    const t = new Date(c.due.getTime() + 60 * MIN);
    const r = quiz(c, 3, t);
    expect(r.effect).toBe("scheduled");
    expect(r.card).toEqual(applyRating({ ...c, id: 1 }, 3, settings, t).card);
    const again = quiz(r.card, 4, new Date(t.getTime() + 35_000));
    expect(again.effect).toBe("unchanged");
    expect(again.card.due).toEqual(r.card.due);
  });
  test("wrong leaves it due now for the review page (no lapse recorded by the quiz)", () => {
    const c = reviewCard();
    const t = new Date(c.due.getTime() + 60 * MIN);
    const r = quiz(c, 1, t);
    expect(r.effect).toBe("due-now");
    expect(r.card.due).toEqual(c.due);
    expect(r.card.lapses).toBe(c.lapses);
  });
});

describe("over random cards, ratings and clocks", () => {
  test("a quiz never moves due later unless the card was due; wrong ⇒ due by now", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<Rating>(1, 2, 3, 4), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 20 * DAY }), { minLength: 8, maxLength: 8 }),
        fc.array(fc.constantFrom<Rating>(1, 2, 3, 4), { minLength: 1, maxLength: 6 }),
        (history, gaps, quizzes) => {
          let c = newCardFields(T0);
          let t = T0.getTime();
          history.forEach((r, i) => {
            t += gaps[i]!;
            c = applyRating({ ...c, id: 1 }, r, settings, new Date(t)).card;
          });
          quizzes.forEach((r, i) => {
            t += (gaps[i] ?? 0) % (3 * 60 * MIN);
            const now = new Date(t);
            const due = isDueForReview({ ...c, id: 1 }, now, settings);
            const out = quiz(c, r, now);
            if (!due && c.state !== 0) expect(out.card.due.getTime()).toBeLessThanOrEqual(c.due.getTime());
            if (r === 1) expect(out.card.due.getTime()).toBeLessThanOrEqual(t);
            expect(out.card.reps).toBe(c.reps + 1);
            c = out.card;
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
