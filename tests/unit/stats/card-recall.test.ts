// lib/stats/card-recall: one card's figures on its page, same rules as the
// Progress page. UTC, study day from 04:00; default FSRS-6 weights.
import { describe, expect, it } from "vitest";
import { cardRecall } from "../../../lib/stats/card-recall";
import { DEFAULT_SETTINGS } from "../../../lib/srs";

const settings = { ...DEFAULT_SETTINGS, timezone: "UTC", dayStartHour: 4 };
const NOW = new Date("2026-06-10T12:00:00Z");

describe("cardRecall", () => {
  it("a card failed three times today: recall as of tomorrow, not 100%, and not mastered", () => {
    const r = cardRecall({ state: 3, stability: 0.5, last_review: new Date("2026-06-10T09:20:00Z"), due: new Date("2026-06-10T09:30:00Z") }, 1, settings, NOW);
    expect(r.elapsedDays).toBe(0);
    expect(r.recall).toBe(0.84588465); // R(1 day, S 0.5)
    expect(r.mastered).toBe(false);
    expect(r.dueDay).toBe(0);
    expect(r.curve[0]).toEqual({ day: 0, recall: 1 });
  });

  it("mastered: recall 30 days ahead ≥ 90% and the last answer not Again", () => {
    const card = { state: 2, stability: 40, last_review: new Date("2026-06-10T08:30:00Z"), due: new Date("2026-07-20T08:30:00Z") };
    expect(cardRecall(card, 3, settings, NOW)).toMatchObject({ recall: 0.99627329, mastered: true, dueDay: 40 });
    // The same memory state after an Again (no relearning steps) is not mastered.
    expect(cardRecall(card, 1, settings, NOW).mastered).toBe(false);
    // S 29: 0 + 30 days > 29 → R = 0.89765404 < 0.9.
    expect(cardRecall({ ...card, stability: 29 }, 3, settings, NOW)).toMatchObject({ recallAtHorizon: 0.89765404, mastered: false });
  });

  it("the curve reaches past the due date and holds today and the due day", () => {
    const r = cardRecall({ state: 2, stability: 10, last_review: new Date("2026-06-07T12:00:00Z"), due: new Date("2026-06-19T12:00:00Z") }, 3, settings, NOW);
    expect(r.elapsedDays).toBe(3);
    expect(r.recall).toBe(0.96102427); // R(3, 10)
    const days = r.curve.map((p) => p.day);
    expect(days).toContain(3);
    expect(days).toContain(12);
    expect(Math.max(...days)).toBeGreaterThanOrEqual(19);
  });

  it("a new card has no figures", () => {
    expect(cardRecall({ state: 0, stability: 0, last_review: null, due: NOW }, null, settings, NOW)).toEqual({
      elapsedDays: null,
      recall: null,
      recallAtHorizon: null,
      mastered: false,
      dueDay: null,
      curve: [],
    });
  });
});
