// Bulk actions from the card browser: one transaction each, one step each on
// the study session's undo stack, and undo leaves alone any card changed since.
import { describe, it, expect, beforeAll, beforeEach } from "vitest";
import { randomUUID } from "node:crypto";
import { POST as postBulk } from "@/app/api/v1/cards/bulk/route";
import { POST as postUndo } from "@/app/api/v1/reviews/undo/route";
import { answerCard } from "@/lib/services/review";
import { runBulkAction } from "@/lib/services/bulk";
import { sqlite } from "@/lib/db/sqlite";
import { DAY_MS, allCards, cardRow, jsonRequest, logsOf, resetCards, seedDeck, useSettings, type Row } from "../helpers/seed";

const NOW = new Date("2026-03-10T15:00:00Z");
const SESSION = "bulk-test-session";
const bulk = async (body: Record<string, unknown>) => {
  const res = await postBulk(jsonRequest("/api/v1/cards/bulk", { sessionId: SESSION, ...body }));
  return { status: res.status, body: (await res.json()) as { action: { id: number | null; label: string; changed: number }; error?: string } };
};
const undo = async (body: { id?: number | null } = {}) => {
  const res = await postUndo(jsonRequest("/api/v1/reviews/undo", { sessionId: SESSION, ...(body.id ? { actionId: body.id } : {}) }));
  return { status: res.status, body: (await res.json()) as { undone: { label: string }; restored: number; skipped: number; error?: string } };
};
let ids: number[] = [];
const flags = () => sqlite().prepare(`SELECT cardId, reason, note FROM CardFlag ORDER BY cardId`).all();

beforeAll(async () => {
  await seedDeck(NOW);
  useSettings({}, NOW);
  ids = (allCards() as Row[]).map((r) => r.id as number).slice(0, 10);
}, 120_000);
beforeEach(() => {
  resetCards(NOW);
  sqlite().prepare(`DELETE FROM CardFlag`).run();
  // A reviewed history for the first five, so forget and set due have something to change.
  for (const id of ids.slice(0, 5))
    answerCard({ cardId: id, rating: 3, durationMs: 1000, reviewId: randomUUID(), source: "quiz" }, new Date(NOW.getTime() - 5 * DAY_MS));
});

describe("bulk actions", () => {
  it("suspend, then undo, gives back exactly the rows as they were", async () => {
    const before = allCards();
    const r = await bulk({ action: "suspend", ids });
    expect(r.status).toBe(200);
    expect(r.body.action).toMatchObject({ changed: 10, label: "Suspended 10 cards" });
    expect(ids.every((id) => cardRow(id).suspended === 1)).toBe(true);
    const u = await undo({ id: r.body.action.id });
    expect(u.body).toMatchObject({ undone: { label: "suspend of 10 cards" }, restored: 10, skipped: 0 });
    expect(allCards()).toEqual(before);
    expect((await undo({ id: r.body.action.id })).status).toBe(409);
  });

  it("undo keeps a card answered after the action as it is now", async () => {
    const r = await bulk({ action: "bury", ids });
    const answered = ids[7]!;
    answerCard({ cardId: answered, rating: 3, durationMs: 1000, reviewId: randomUUID(), source: "quiz" }, new Date(NOW.getTime() + 1000));
    const after = cardRow(answered);
    const u = await undo({ id: r.body.action.id });
    expect(u.body).toMatchObject({ restored: 9, skipped: 1 });
    expect(cardRow(answered)).toEqual(after);
    expect(cardRow(ids[0]!).buriedUntil).toBeNull();
  });

  it("forget makes reviewed cards new again and keeps their history", async () => {
    const logs = logsOf(ids[0]!);
    expect(logs.length).toBe(1);
    const r = runBulkAction({ action: "forget", target: { ids }, sessionId: SESSION }, NOW);
    expect(r.ok && r.result.changed).toBe(5);
    expect(cardRow(ids[0]!)).toMatchObject({ state: 0, reps: 0, stability: 0, last_review: null, due: NOW.getTime() });
    expect(logsOf(ids[0]!)).toEqual(logs);
  });

  it("set due to a range of days spreads reviewed cards over those days; new cards are left alone", async () => {
    // The service with a pinned "now" (the route uses the real clock).
    const r = runBulkAction({ action: "set-due", target: { ids }, due: { from: 3, to: 5 }, sessionId: SESSION }, NOW);
    expect(r.ok && r.result).toMatchObject({ changed: 5, label: "Set 5 cards due in 3–5 days" });
    for (const id of ids.slice(0, 5)) {
      const days = ((cardRow(id).due as number) - NOW.getTime()) / DAY_MS;
      expect(days).toBeGreaterThan(2);
      expect(days).toBeLessThan(5);
    }
    expect(cardRow(ids[6]!).due).toBe(NOW.getTime());
    const d = runBulkAction({ action: "set-due", target: { ids: [ids[0]!] }, due: { date: "2026-04-01" }, sessionId: SESSION }, NOW);
    expect(d.ok && d.result.changed).toBe(1);
    expect(new Date(cardRow(ids[0]!).due as number).toISOString()).toBe("2026-04-01T04:00:00.000Z");
  });

  it("flag and unflag are undoable too, and a search can be the target", async () => {
    const f = await bulk({ action: "flag", ids: ids.slice(0, 3), reason: "ambiguous", note: "two right answers" });
    expect(f.body.action.changed).toBe(3);
    expect(flags()).toHaveLength(3);
    const un = await bulk({ action: "unflag", q: "is:flagged" });
    expect(un.body.action).toMatchObject({ changed: 3, label: "Unflagged 3 cards" });
    expect(flags()).toHaveLength(0);
    await undo();
    expect(flags()).toEqual(ids.slice(0, 3).map((cardId) => ({ cardId, reason: "ambiguous", note: "two right answers" })));
    await undo();
    expect(flags()).toHaveLength(0);
  });

  it("refuses bad input with 400 and changes nothing", async () => {
    const before = allCards();
    expect((await bulk({ action: "explode", ids })).status).toBe(400);
    expect((await bulk({ action: "suspend" })).status).toBe(400);
    expect((await bulk({ action: "set-due", ids })).status).toBe(400);
    expect((await bulk({ action: "set-due", ids, due: { from: 5, to: 2 } })).status).toBe(400);
    expect((await bulk({ action: "flag", ids })).status).toBe(400);
    const bad = await bulk({ action: "suspend", q: "is:sleepy" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/is:sleepy/);
    expect(allCards()).toEqual(before);
  });

  it("an action that changes nothing is not recorded", async () => {
    await bulk({ action: "suspend", ids: [ids[0]] });
    const again = await bulk({ action: "suspend", ids: [ids[0]] });
    expect(again.body.action).toMatchObject({ id: null, changed: 0 });
  });
});
