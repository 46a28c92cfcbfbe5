// The review JSON API on real SQLite: bad input is refused with 400 and writes
// nothing; unknown ids are 404; answers are idempotent by reviewId, stale
// answers are refused; undo restores the card row exactly.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as postReview } from "@/app/api/v1/reviews/route";
import { POST as postUndo } from "@/app/api/v1/reviews/undo/route";
import { GET as getQueueRoute } from "@/app/api/v1/queue/route";
import { POST as postSuspend } from "@/app/api/v1/cards/[id]/suspend/route";
import { POST as postBury } from "@/app/api/v1/cards/[id]/bury/route";
import { nextDayStart } from "@/lib/srs";
import {
  DAY_MS,
  DECK_KEY,
  allCards,
  cardRow,
  idCtx,
  jsonRequest,
  logCount,
  logsOf,
  makeReview,
  notesWithCards,
  resetCards,
  seedDeck,
  setCard,
  singletonCards,
  useSettings,
  withoutUpdatedAt,
} from "../helpers/seed";

const rid = () => `r-${randomUUID()}`;
const review = (body: unknown) => postReview(jsonRequest("/api/v1/reviews", body));
const undo = (body: unknown = {}) => postUndo(jsonRequest("/api/v1/reviews/undo", body));
const queue = (qs: string) => getQueueRoute(new Request(`http://localhost/api/v1/queue${qs}`));

type Json = Record<string, unknown> & { error?: string; details?: unknown };
const json = async (r: Response) => (await r.json()) as Json;

let cardId: number;

beforeAll(async () => {
  await seedDeck(new Date(Date.now() - DAY_MS));
}, 120_000); // the first sync writes 128 cards through Prisma

beforeEach(() => {
  resetCards(new Date(Date.now() - 3_600_000));
  useSettings();
  cardId = singletonCards()[0]!;
});

/** Runs `act` and checks that no card row and no review log changed. */
async function expectNothingWritten(act: () => Promise<Response>, status: number): Promise<Json> {
  const cards = allCards();
  const logs = logCount();
  const res = await act();
  const body = await json(res);
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(typeof body.error).toBe("string");
  expect(body).toHaveProperty("details");
  expect(allCards()).toEqual(cards);
  expect(logCount()).toBe(logs);
  return body;
}

const fieldErrors = (b: Json) => (b.details as { fieldErrors: Record<string, string[]> }).fieldErrors;
const formErrors = (b: Json) => (b.details as { formErrors: string[] }).formErrors;

describe("POST /api/v1/reviews: invalid bodies → 400, nothing written", () => {
  const valid = () => ({ cardId, rating: 3, durationMs: 4200, reviewId: rid() });

  it.each([
    ["rating 0", { rating: 0 }, "rating"],
    ["rating 5", { rating: 5 }, "rating"],
    ["rating 'good'", { rating: "good" }, "rating"],
    ["rating 2.5", { rating: 2.5 }, "rating"],
    ["rating '3' (a string)", { rating: "3" }, "rating"],
    ["negative duration", { durationMs: -1 }, "durationMs"],
    ["fractional duration", { durationMs: 10.5 }, "durationMs"],
    ["duration over an hour", { durationMs: 3_600_001 }, "durationMs"],
    ["non-integer cardId", { cardId: 1.5 }, "cardId"],
    ["string cardId", { cardId: "1" }, "cardId"],
    ["zero cardId", { cardId: 0 }, "cardId"],
    ["short reviewId", { reviewId: "abc" }, "reviewId"],
    ["negative reps", { reps: -1 }, "reps"],
  ])("%s", async (_name, patch, field) => {
    const b = await expectNothingWritten(() => review({ ...valid(), ...patch }), 400);
    expect(fieldErrors(b)[field]?.length).toBeGreaterThan(0);
  });

  it.each(["cardId", "rating", "durationMs", "reviewId"] as const)("missing %s", async (field) => {
    const body: Record<string, unknown> = valid();
    delete body[field];
    const b = await expectNothingWritten(() => review(body), 400);
    expect(fieldErrors(b)[field]?.length).toBeGreaterThan(0);
  });

  it("an extra unknown field", async () => {
    const b = await expectNothingWritten(() => review({ ...valid(), extra: true }), 400);
    expect(formErrors(b).join(" ")).toMatch(/extra/);
  });

  it("invalid JSON", async () => {
    const b = await expectNothingWritten(() => review(`{"cardId": ${cardId}, "rating": 3,`), 400);
    expect(b.error).toMatch(/JSON/);
  });

  it.each([
    ["an empty body", ""],
    ["null", "null"],
    ["an array", JSON.stringify([valid()])],
    ["a number", "3"],
  ])("%s", async (_name, text) => {
    await expectNothingWritten(() => review(text), 400);
  });

  it("an oversized payload (> 16 KB), even if otherwise valid JSON → 413", async () => {
    const b = await expectNothingWritten(() => review({ ...valid(), reviewId: "x".repeat(17 * 1024) }), 413);
    expect(b.error).toMatch(/too large/);
    // Multi-byte characters count as bytes, not characters.
    await expectNothingWritten(() => review({ ...valid(), reviewId: "é".repeat(9000) }), 413);
  });
});

describe("GET /api/v1/queue parameters", () => {
  it.each(["?limit=0", "?limit=abc", "?limit=1000", "?limit=-1", "?limit=1.5", "?deck="])("%s → 400", async (qs) => {
    await expectNothingWritten(() => queue(qs), 400);
  });

  it("an unknown deck → 404", async () => {
    const b = await expectNothingWritten(() => queue("?deck=no-such-deck"), 404);
    expect(b.error).toMatch(/no-such-deck/);
  });

  it("a valid request returns cards with prompts, kinds, four previews and today's counts", async () => {
    const res = await queue(`?deck=${DECK_KEY}&limit=5`);
    expect(res.status).toBe(200);
    const b = (await res.json()) as {
      cards: { id: number; prompt: string; kind: string; reps: number; previews: { rating: number; interval: string; due: string }[] }[];
      counts: { new: number; learning: number; review: number };
    };
    expect(b.cards).toHaveLength(5);
    for (const c of b.cards) {
      expect(c.prompt.length).toBeGreaterThan(0);
      expect(c.kind.length).toBeGreaterThan(0);
      expect(c.previews.map((p) => p.rating)).toEqual([1, 2, 3, 4]);
    }
    expect(b.counts).toEqual({ new: 20, learning: 0, review: 0 });
    // Without a deck: all decks (there is one), default limit 20.
    const all = (await (await queue("")).json()) as { cards: unknown[] };
    expect(all.cards).toHaveLength(20);
  });
});

describe("unknown or malformed ids", () => {
  it("an answer for an unknown card → 404", async () => {
    const b = await expectNothingWritten(() => review({ cardId: 999_999, rating: 3, durationMs: 1000, reviewId: rid() }), 404);
    expect(b.error).toMatch(/999999/);
  });

  it("an answer for a retired card → 404", async () => {
    setCard(cardId, { retired: true });
    await expectNothingWritten(() => review({ cardId, rating: 3, durationMs: 1000, reviewId: rid() }), 404);
  });

  it("suspend/bury an unknown card → 404", async () => {
    await expectNothingWritten(() => postSuspend(jsonRequest("/x", {}), idCtx("999999")), 404);
    await expectNothingWritten(() => postBury(jsonRequest("/x"), idCtx("999999")), 404);
  });

  it.each(["abc", "0", "-3", "1.5", ""])("suspend/bury with id %j → 400", async (id) => {
    await expectNothingWritten(() => postSuspend(jsonRequest("/x", {}), idCtx(id)), 400);
    await expectNothingWritten(() => postBury(jsonRequest("/x"), idCtx(id)), 400);
  });

  it("suspend with a bad body → 400", async () => {
    await expectNothingWritten(() => postSuspend(jsonRequest("/x", { suspended: "yes" }), idCtx(String(cardId))), 400);
    await expectNothingWritten(() => postSuspend(jsonRequest("/x", { suspended: true, why: 1 }), idCtx(String(cardId))), 400);
    await expectNothingWritten(() => postSuspend(jsonRequest("/x", "{"), idCtx(String(cardId))), 400);
  });

  it("an answer for a suspended card → 409, nothing written", async () => {
    setCard(cardId, { suspended: true });
    await expectNothingWritten(() => review({ cardId, rating: 3, durationMs: 1000, reviewId: rid() }), 409);
  });
});

describe("idempotency and stale answers", () => {
  it("the same reviewId twice is applied once and returns the first result", async () => {
    const body = { cardId, rating: 3, durationMs: 5000, reviewId: rid(), reps: 0 };
    const first = await review(body);
    expect(first.status).toBe(201);
    const a = await json(first);
    expect(a.duplicate).toBe(false);
    const afterFirst = cardRow(cardId);
    expect(afterFirst.reps).toBe(1);

    // The retry still carries reps 0 (now stale): it is recognised as a retry, not refused.
    const second = await review(body);
    expect(second.status).toBe(200);
    const b = await json(second);
    expect(b.duplicate).toBe(true);
    expect(b.card).toEqual(a.card);
    expect(b.leech).toBe(a.leech);
    expect(b.buried).toEqual(a.buried);
    expect(cardRow(cardId)).toEqual(afterFirst);
    expect(logsOf(cardId)).toHaveLength(1);
    expect(logCount()).toBe(1);
  });

  it("a retry returns the siblings the first answer buried", async () => {
    const note = notesWithCards(4)[0]!;
    const id = note.cardIds[0]!;
    const body = { cardId: id, rating: 3, durationMs: 5000, reviewId: rid() };
    const a = await json(await review(body));
    expect(a.buried).toEqual(note.cardIds.slice(1));
    const b = await json(await review(body));
    expect(b.duplicate).toBe(true);
    expect(b.buried).toEqual(a.buried);
  });

  it("a retry of the answer that made the card a leech says leech: true again", async () => {
    makeReview(cardId, new Date(Date.now() - DAY_MS), { lapses: 7 });
    const body = { cardId, rating: 1, durationMs: 5000, reviewId: rid() };
    const a = await json(await review(body));
    expect(a.leech).toBe(true);
    const b = await json(await review(body));
    expect(b).toMatchObject({ duplicate: true, leech: true, card: a.card });
    expect(logCount()).toBe(1);
  });

  it("the same reviewId for a different card → 409, nothing written", async () => {
    const reviewId = rid();
    expect((await review({ cardId, rating: 3, durationMs: 1000, reviewId })).status).toBe(201);
    const other = singletonCards()[1]!;
    const b = await expectNothingWritten(() => review({ cardId: other, rating: 3, durationMs: 1000, reviewId }), 409);
    expect(b.error).toMatch(/another card/);
  });

  it("an answer sent with reps lower than the card's → 409, nothing written", async () => {
    expect((await review({ cardId, rating: 3, durationMs: 1000, reviewId: rid(), reps: 0 })).status).toBe(201);
    // A second tab that loaded the card before that answer:
    const b = await expectNothingWritten(() => review({ cardId, rating: 1, durationMs: 1000, reviewId: rid(), reps: 0 }), 409);
    expect(b.error).toMatch(/answered since/);
    // With the current reps it goes through.
    expect((await review({ cardId, rating: 3, durationMs: 1000, reviewId: rid(), reps: 1 })).status).toBe(201);
    expect(cardRow(cardId).reps).toBe(2);
  });

  it("an answer stores its duration and the card's new state", async () => {
    const res = await review({ cardId, rating: 3, durationMs: 4321, reviewId: rid() });
    const b = (await res.json()) as { card: { id: number; state: number; reps: number; lastReview: string } };
    expect(b.card).toMatchObject({ id: cardId, state: 1, reps: 1 });
    const [log] = logsOf(cardId);
    expect(log).toMatchObject({ durationMs: 4321, rating: 3, state: 0, source: "review" });
    expect(log!.reviewedAt).toBe(new Date(b.card.lastReview).getTime());
  });
});

describe("POST /api/v1/reviews/undo", () => {
  it("with nothing to undo → 404, nothing written", async () => {
    await expectNothingWritten(() => undo(), 404);
  });

  it("restores a new card's row exactly and deletes its log", async () => {
    const before = withoutUpdatedAt(cardRow(cardId));
    const { reviewId } = { reviewId: rid() };
    expect((await review({ cardId, rating: 3, durationMs: 1000, reviewId })).status).toBe(201);
    expect(withoutUpdatedAt(cardRow(cardId))).not.toEqual(before);
    const res = await undo();
    expect(res.status).toBe(200);
    const b = (await res.json()) as { card: { id: number; state: number; reps: number }; undone: { id: number; kind: string; label: string } };
    expect(b.undone).toMatchObject({ id: expect.any(Number), kind: "answer", label: expect.stringMatching(/^Good on “/) });
    expect(b.card).toMatchObject({ id: cardId, state: 0, reps: 0 });
    expect(withoutUpdatedAt(cardRow(cardId))).toEqual(before);
    expect(logCount()).toBe(0);
    // The reviewId is free again: resending it applies the answer anew.
    const again = await json(await review({ cardId, rating: 3, durationMs: 1000, reviewId }));
    expect(again.duplicate).toBe(false);
  });

  it("restores a late review card's original due date (which ts-fsrs rollback cannot)", async () => {
    const now = Date.now();
    const due = new Date(now - 5 * DAY_MS + 12_345);
    makeReview(cardId, due, { scheduled_days: 12, stability: 11.7, difficulty: 6.25, reps: 7, lapses: 2 });
    const before = withoutUpdatedAt(cardRow(cardId));
    const res = await review({ cardId, rating: 3, durationMs: 1000, reviewId: rid(), reps: 7 });
    expect(res.status).toBe(201);
    const after = cardRow(cardId);
    expect(after.reps).toBe(8);
    expect(after.due as number).toBeGreaterThan(now);
    expect((await undo()).status).toBe(200);
    const restored = cardRow(cardId);
    expect(withoutUpdatedAt(restored)).toEqual(before);
    expect(restored.due).toBe(due.getTime());
    expect(logCount()).toBe(0);
  });

  it("restores the leech flag and suspension of an answer that made the card a leech", async () => {
    makeReview(cardId, new Date(Date.now() - DAY_MS), { lapses: 7 });
    const before = withoutUpdatedAt(cardRow(cardId));
    const b = await json(await review({ cardId, rating: 1, durationMs: 1000, reviewId: rid() }));
    expect(b.leech).toBe(true);
    expect((await undo()).status).toBe(200);
    expect(withoutUpdatedAt(cardRow(cardId))).toEqual(before);
  });

  it("restores the siblings the answer buried (their earlier buriedUntil too), and leaves the others alone", async () => {
    const note = notesWithCards(4)[0]!;
    const [answered, fresh, buriedBefore, suspended] = note.cardIds as [number, number, number, number];
    const yesterday = new Date(Date.now() - DAY_MS);
    setCard(buriedBefore, { buriedUntil: yesterday });
    setCard(suspended, { suspended: true });
    const before = allCards().map(withoutUpdatedAt);

    const b = await json(await review({ cardId: answered, rating: 4, durationMs: 1000, reviewId: rid() }));
    expect(b.buried).toEqual([fresh, buriedBefore]);
    const until = nextDayStart(new Date(), "UTC", 4).getTime();
    expect(cardRow(fresh).buriedUntil).toBe(until);
    expect(cardRow(buriedBefore).buriedUntil).toBe(until);
    expect(cardRow(suspended).buriedUntil).toBeNull();

    expect((await undo()).status).toBe(200);
    expect(allCards().map(withoutUpdatedAt)).toEqual(before);
    expect(cardRow(buriedBefore).buriedUntil).toBe(yesterday.getTime());
    expect(logCount()).toBe(0);
  });

  it("undoes the newest answer first, one at a time", async () => {
    const [a, b] = singletonCards() as [number, number];
    const beforeA = withoutUpdatedAt(cardRow(a));
    const beforeB = withoutUpdatedAt(cardRow(b));
    await review({ cardId: a, rating: 3, durationMs: 1000, reviewId: rid() });
    const afterA = withoutUpdatedAt(cardRow(a));
    await review({ cardId: b, rating: 1, durationMs: 1000, reviewId: rid() });
    const first = (await (await undo()).json()) as { card: { id: number } };
    expect(first.card.id).toBe(b);
    expect(withoutUpdatedAt(cardRow(b))).toEqual(beforeB);
    expect(withoutUpdatedAt(cardRow(a))).toEqual(afterA);
    const second = (await (await undo()).json()) as { card: { id: number } };
    expect(second.card.id).toBe(a);
    expect(withoutUpdatedAt(cardRow(a))).toEqual(beforeA);
    expect((await undo()).status).toBe(404);
  });
});
