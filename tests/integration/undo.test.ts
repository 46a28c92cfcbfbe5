// One undo stack per study session (issue 12 items 2–3, issue 10 item 4):
// answers, suspends, unsuspends, burials and unburials are undone newest
// first, each exactly once, only while nothing else touched the card, and
// never in another session.
import { describe, it, expect, beforeAll, beforeEach } from "vitest";
import { randomUUID } from "node:crypto";
import { GET as getUndo, POST as postUndo } from "@/app/api/v1/reviews/undo/route";
import { POST as postReview } from "@/app/api/v1/reviews/route";
import { POST as postSuspend } from "@/app/api/v1/cards/[id]/suspend/route";
import { POST as postBury } from "@/app/api/v1/cards/[id]/bury/route";
import { answerCard } from "@/lib/services/review";
import { GET as getSession } from "@/app/api/v1/reviews/session/route";
import {
  DECK_KEY,
  MIN_MS,
  allCards,
  cardRow,
  idCtx,
  jsonRequest,
  logsOf,
  notesWithCards,
  resetCards,
  seedDeck,
  singletonCards,
  withoutUpdatedAt,
} from "../helpers/seed";

const NOW = new Date("2026-03-10T15:00:00Z");
const later = (min: number) => new Date(NOW.getTime() + min * MIN_MS);
const session = () => `s-${randomUUID()}`;
type Target = { id: number; kind: string; label: string };
const json = async (r: Response) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> });
const undo = (sessionId: string, actionId?: number) =>
  postUndo(jsonRequest("/api/v1/reviews/undo", { sessionId, ...(actionId ? { actionId } : {}) })).then(json);
const peek = async (sessionId: string) =>
  (await getUndo(new Request(`http://localhost/api/v1/reviews/undo?sessionId=${sessionId}`)).then(json)).body.undo as Target | null;
const answer = (sessionId: string, cardId: number, rating = 3) =>
  postReview(jsonRequest("/api/v1/reviews", { cardId, rating, durationMs: 1000, reviewId: randomUUID(), sessionId, deck: DECK_KEY })).then(json);
const suspend = (sessionId: string, id: number, suspended = true) =>
  postSuspend(jsonRequest(`/api/v1/cards/${id}/suspend`, { sessionId, suspended }), idCtx(String(id))).then(json);
const bury = (sessionId: string, id: number, buried = true) =>
  postBury(jsonRequest(`/api/v1/cards/${id}/bury`, { sessionId, buried }), idCtx(String(id))).then(json);

beforeAll(async () => {
  await seedDeck(NOW);
}, 120_000);
beforeEach(() => resetCards(NOW));

describe("the undo stack", () => {
  it("undoes the newest action first — a suspend after an answer is undone before the answer — and names each", async () => {
    const s = session();
    const [a, b] = singletonCards();
    const before = allCards().map(withoutUpdatedAt);
    const ans = await answer(s, a!, 3);
    expect(ans.status).toBe(201);
    expect((ans.body.undo as Target).label).toMatch(/^Good on “.+”$/);
    const sus = await suspend(s, b!);
    expect((sus.body.undo as Target).kind).toBe("suspend");
    expect(await peek(s)).toEqual(sus.body.undo);

    const first = await undo(s);
    expect(first.status).toBe(200);
    expect(first.body.undone).toEqual(sus.body.undo);
    expect(cardRow(b!).suspended).toBe(0);
    expect(first.body.undo).toEqual(ans.body.undo); // what U undoes next
    const second = await undo(s);
    expect(second.body.undone).toEqual(ans.body.undo);
    expect((second.body.card as { previews: unknown[] }).previews).toHaveLength(4);
    expect(allCards().map(withoutUpdatedAt)).toEqual(before);
    expect(logsOf(a!)).toHaveLength(0);
    expect((await undo(s)).status).toBe(404);
  });

  it("undoes unsuspend, bury and unbury, restoring the buried siblings", async () => {
    const s = session();
    const { cardIds } = notesWithCards(2)[0]!;
    const [c, ...sibs] = cardIds as [number, ...number[]];
    await bury(s, c);
    for (const id of [c, ...sibs]) expect(cardRow(id).buriedUntil).not.toBeNull();
    await bury(s, c, false);
    expect(cardRow(c).buriedUntil).toBeNull();
    expect((await undo(s)).body.undone).toMatchObject({ kind: "unbury" });
    expect(cardRow(c).buriedUntil).not.toBeNull();
    expect((await undo(s)).body.undone).toMatchObject({ kind: "bury" });
    for (const id of [c, ...sibs]) expect(cardRow(id).buriedUntil).toBeNull();

    await suspend(s, c);
    await suspend(s, c, false);
    expect((await undo(s)).body.undone).toMatchObject({ kind: "unsuspend" });
    expect(cardRow(c).suspended).toBe(1);
  });

  it("runs at most once: 5 concurrent undos of one action undo one, and the others say it was already undone", async () => {
    const s = session();
    const [a, b] = singletonCards();
    await answer(s, a!);
    const second = await answer(s, b!);
    const id = (second.body.undo as Target).id;
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => undo(s, id)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(logsOf(a!)).toHaveLength(1); // the older answer is still there
    expect(logsOf(b!)).toHaveLength(0);
    expect(results.filter((r) => r.status === 409).every((r) => /already undone/.test(String(r.body.error)))).toBe(true);
  });

  it("never reaches into another session", async () => {
    const [a] = singletonCards();
    await answer(session(), a!);
    const fresh = session();
    expect(await peek(fresh)).toBeNull();
    expect((await undo(fresh)).status).toBe(404);
    expect(logsOf(a!)).toHaveLength(1);
  });

  it("refuses (409) when a quiz answered the card after the review, and changes nothing", async () => {
    const s = session();
    const [id] = singletonCards();
    await answer(s, id!);
    answerCard({ cardId: id!, rating: 3, durationMs: 1000, reviewId: randomUUID(), source: "quiz" }, later(2));
    const row = cardRow(id!);
    const res = await undo(s);
    expect(res.status).toBe(409);
    expect(String(res.body.error)).toMatch(/changed since/);
    expect(cardRow(id!)).toEqual(row);
    expect(logsOf(id!)).toHaveLength(2);
  });

  it("an actionId that is not the newest is refused and changes nothing", async () => {
    const s = session();
    const [a, b] = singletonCards();
    const first = await answer(s, a!);
    await answer(s, b!);
    const res = await undo(s, (first.body.undo as Target).id);
    expect(res.status).toBe(409);
    expect(logsOf(a!)).toHaveLength(1);
    expect(logsOf(b!)).toHaveLength(1);
  });

  it("the session summary counts the session's answers (not undone ones), time, Again rate and suspensions", async () => {
    const s = session();
    const [a, b, c, d] = singletonCards();
    await answer(s, a!, 3);
    await answer(s, b!, 1);
    await answer(s, c!, 3);
    await suspend(s, d!);
    await undo(s); // the suspension
    await undo(s); // c's answer
    await answer(session(), d!, 1); // another session: not counted
    const summary = (await getSession(new Request(`http://localhost/api/v1/reviews/session?sessionId=${s}`)).then(json)).body;
    expect(summary).toMatchObject({ cards: 2, timeMs: 2000, again: 1, againRate: 0.5, suspended: 0, leeches: [] });
  });
});
