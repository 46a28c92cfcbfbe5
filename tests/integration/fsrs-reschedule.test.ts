// Rescheduling existing cards from their history after a settings change:
// a preview that changes nothing, then one transaction, then one undo.
import { beforeEach, describe, expect, it } from "vitest";
import { sqlite } from "@/lib/db/sqlite";
import { answerCard } from "@/lib/services/review";
import { answerInSession, undoInSession } from "@/lib/services/study-actions";
import { patchSettings } from "@/lib/services/settings";
import { applyReschedule, previewReschedule, undoReschedule } from "@/lib/services/fsrs-reschedule";
import { allCards, DAY_MS, resetCards, seedDeck, useSettings, withoutUpdatedAt } from "../helpers/seed";

const T0 = new Date(Date.UTC(2026, 9, 1, 10));

/** Answers 30 cards Good on three days a week apart, through the real answer path. */
async function studyHistory() {
  const ids = (sqlite().prepare(`SELECT id FROM Card ORDER BY id LIMIT 30`).all() as { id: number }[]).map((r) => r.id);
  let n = 0;
  for (const [day, rating] of [
    [0, 3],
    [0, 3],
    [1, 3],
    [8, 3],
    [20, 2],
  ] as const) {
    for (const id of ids) {
      const at = new Date(T0.getTime() + day * DAY_MS + n++ * 1000);
      // On a study session, so that the last answer can be undone (the undo stack, lib/services/study-actions.ts).
      const r = answerInSession({ cardId: id, rating, durationMs: 4000, reviewId: `h${n}`, sessionId: "reschedule-history" }, at);
      expect(r.ok).toBe(true);
    }
  }
  return ids;
}

describe("reschedule from history", () => {
  beforeEach(async () => {
    await seedDeck(T0);
    resetCards(T0);
    useSettings({ enableFuzz: false });
    sqlite().exec(`DELETE FROM RescheduleBatch`);
  });

  it("with unchanged settings the replay reproduces every card: nothing to change", async () => {
    await studyHistory();
    const p = previewReschedule(new Date(T0.getTime() + 21 * DAY_MS));
    expect(p.cards).toBe(30);
    expect(p.changed).toBe(0);
    expect(p.after).toEqual(p.before);
  });

  it("after raising desired retention, previews earlier due dates, applies them at once, and undoes them at once", async () => {
    await studyHistory();
    const now = new Date(T0.getTime() + 21 * DAY_MS);
    const before = allCards().map(withoutUpdatedAt);
    expect(patchSettings({ desiredRetention: 0.97 }, now).ok).toBe(true);
    const p = previewReschedule(now);
    expect(p.changed).toBe(30);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    // Shorter intervals: more of the 30 cards fall due within the next 30 days.
    expect(sum(p.after)).toBeGreaterThan(sum(p.before));
    expect(allCards().map(withoutUpdatedAt)).toEqual(before); // a preview writes nothing

    const applied = applyReschedule(now);
    expect(applied.batchId).not.toBeNull();
    const after = allCards();
    expect(after.filter((c, i) => c.due !== before[i]!.due)).toHaveLength(30);

    const undone = undoReschedule(applied.batchId!, now);
    expect(undone).toEqual({ kind: "undone", restored: 30, keptAnswered: 0 });
    expect(allCards().map(withoutUpdatedAt)).toEqual(before);
    expect(undoReschedule(applied.batchId!, now)).toEqual({ kind: "conflict", reason: "already-undone" });
    // As if never rescheduled: the last answer can be undone again.
    expect(undoInSession({ sessionId: "reschedule-history" }, now).ok).toBe(true);
    expect(undoReschedule(999, now)).toEqual({ kind: "not-found" });
  });

  it("undo leaves a card answered after the reschedule as the answer left it", async () => {
    const ids = await studyHistory();
    const now = new Date(T0.getTime() + 21 * DAY_MS);
    patchSettings({ desiredRetention: 0.8 }, now);
    const { batchId } = applyReschedule(now);
    const answeredAt = new Date(now.getTime() + 60_000);
    answerCard({ cardId: ids[0]!, rating: 3, durationMs: 3000, reviewId: "after-reschedule", source: "review" }, answeredAt);
    const answered = allCards().find((c) => c.id === ids[0]);
    expect(undoReschedule(batchId!, now)).toEqual({ kind: "undone", restored: 29, keptAnswered: 1 });
    expect(allCards().find((c) => c.id === ids[0])).toEqual(answered);
  });
});
