// One undo stack for every study action (issue 12 item 2, issue 14 item 2,
// decision 0060): review answers, quiz answers and overrides, suspend,
// unsuspend, bury, unbury, flag, unflag and every bulk action are undone
// newest first, each exactly — every row of every table as it was, including
// Card.lastRating (a trigger), the full-text index and the quiz's progress —
// at most once, and only within their own study session. Real SQLite, through
// the routes.
import { describe, it, expect, beforeAll, beforeEach } from "vitest";
import { randomUUID } from "node:crypto";
import { GET as getUndo, POST as postUndo } from "@/app/api/v1/reviews/undo/route";
import { POST as postReview } from "@/app/api/v1/reviews/route";
import { POST as postSuspend } from "@/app/api/v1/cards/[id]/suspend/route";
import { POST as postBury } from "@/app/api/v1/cards/[id]/bury/route";
import { DELETE as deleteFlag, POST as postFlag } from "@/app/api/v1/cards/[id]/flag/route";
import { POST as postBulk } from "@/app/api/v1/cards/bulk/route";
import { POST as createQuiz } from "@/app/api/v1/quiz/route";
import { POST as answerQuiz } from "@/app/api/v1/quiz/[id]/answers/route";
import { GET as quizProgress } from "@/app/api/v1/quiz/[id]/progress/route";
import { answerCard } from "@/lib/services/review";
import { sqlite } from "@/lib/db/sqlite";
import type { AnswerKey, PresentedQuestion } from "@/lib/quiz";
import { rightAnswer } from "../helpers/quiz-answers";
import { fingerprint } from "../helpers/db-fingerprint";
import {
  DAY_MS,
  DECK_KEY,
  cardRow,
  idCtx,
  jsonRequest,
  logsOf,
  makeReview,
  notesWithCards,
  resetCards,
  seedDeck,
  singletonCards,
  useSettings,
} from "../helpers/seed";

type Target = { id: number; kind: string; label: string };
type Json = Record<string, unknown>;
const json = async (r: Response) => ({ status: r.status, body: (await r.json()) as Json });
const session = () => `s-${randomUUID()}`;

const undo = (sessionId: string, actionId?: number) =>
  postUndo(jsonRequest("/api/v1/reviews/undo", { sessionId, ...(actionId ? { actionId } : {}) })).then(json);
const peek = async (sessionId: string) =>
  (await getUndo(new Request(`http://localhost/api/v1/reviews/undo?sessionId=${sessionId}`)).then(json)).body.undo as Target | null;
const review = (sessionId: string, cardId: number, rating = 3) =>
  postReview(jsonRequest("/api/v1/reviews", { cardId, rating, durationMs: 1000, reviewId: randomUUID(), sessionId })).then(json);
const suspend = (sessionId: string, id: number, suspended = true) =>
  postSuspend(jsonRequest(`/api/v1/cards/${id}/suspend`, { sessionId, suspended }), idCtx(String(id))).then(json);
const bury = (sessionId: string, id: number, buried = true) =>
  postBury(jsonRequest(`/api/v1/cards/${id}/bury`, { sessionId, buried }), idCtx(String(id))).then(json);
const flag = (sessionId: string, id: number, reason = "typo", note = "a typo") =>
  postFlag(jsonRequest(`/api/v1/cards/${id}/flag`, { sessionId, reason, note }), idCtx(String(id))).then(json);
const unflag = (sessionId: string, id: number) =>
  deleteFlag(jsonRequest(`/api/v1/cards/${id}/flag`, { sessionId }, { method: "DELETE" }), idCtx(String(id))).then(json);
const bulk = (sessionId: string, body: Json) => postBulk(jsonRequest("/api/v1/cards/bulk", { sessionId, ...body })).then(json);

/** Every table that study actions write, row by row (the undo stack itself aside), with the full-text index. */
const state = () => {
  const { StudyAction: _stack, HealthProbe: _probe, ...rest } = fingerprint(sqlite());
  return rest;
};
const flags = () => sqlite().prepare(`SELECT * FROM CardFlag ORDER BY cardId`).all();

async function quizWith(type: PresentedQuestion["type"] | "any", topic = "all") {
  const res = await createQuiz(jsonRequest("/api/v1/quiz", { deck: DECK_KEY, topic, length: 20, seed: 11 }));
  const quiz = (await res.json()) as { id: string; questions: PresentedQuestion[] };
  const q = type === "any" ? quiz.questions.find((x) => x.type !== "match")! : quiz.questions.find((x) => x.type === type)!;
  const row = sqlite().prepare(`SELECT answerKey, cardId, position FROM QuizQuestion WHERE quizId = ? AND questionId = ?`).get(quiz.id, q.id) as {
    answerKey: string;
    cardId: number;
    position: number;
  };
  return { quiz, q, key: JSON.parse(row.answerKey) as AnswerKey, cardId: row.cardId, position: row.position };
}
const answer = (quizId: string, body: Json) => answerQuiz(jsonRequest(`/api/v1/quiz/${quizId}/answers`, body), idCtx(quizId)).then(json);
const progress = async (quizId: string) => (await quizProgress(new Request(`http://localhost/api/v1/quiz/${quizId}/progress`), idCtx(quizId)).then(json)).body;

beforeAll(async () => {
  await seedDeck(new Date());
  useSettings();
}, 120_000);
beforeEach(() => {
  resetCards(new Date(Date.now() - 3_600_000));
  sqlite().prepare(`DELETE FROM CardFlag`).run();
  sqlite().prepare(`DELETE FROM Quiz`).run();
});

/** Runs `act` in a fresh session, then undoes it: the action names itself, and every row is back exactly. */
async function roundTrip(act: (s: string) => Promise<{ status: number; body: Json }>, kind: string, label: RegExp) {
  const s = session();
  const before = state();
  const r = await act(s);
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  expect(state()).not.toEqual(before);
  const top = await peek(s);
  expect(top).toMatchObject({ kind });
  expect(top!.label).toMatch(label);
  const u = await undo(s, top!.id);
  expect(u.status, JSON.stringify(u.body)).toBe(200);
  expect(u.body.undone).toEqual(top);
  expect(state()).toEqual(before);
  expect((await undo(s, top!.id)).status).toBe(409); // once
  expect(await peek(s)).toBeNull();
  return u.body;
}

describe("every action kind is undone exactly", () => {
  it("a review answer (with the siblings it buried and Card.lastRating)", async () => {
    const [a, b] = notesWithCards(2)[0]!.cardIds;
    await roundTrip((s) => review(s, a!, 1), "answer", /^Again on “.+”$/);
    expect(cardRow(a!).lastRating).toBeNull();
    expect(cardRow(b!).buriedUntil).toBeNull();
  });

  it("a review answer on a card with history puts back its earlier lastRating", async () => {
    const [a] = singletonCards();
    answerCard({ cardId: a!, rating: 4, durationMs: 1000, reviewId: randomUUID(), source: "quiz" }, new Date(Date.now() - 2 * DAY_MS));
    makeReview(a!, new Date(Date.now() - 60_000));
    expect(cardRow(a!).lastRating).toBe(4);
    await roundTrip((s) => review(s, a!, 2), "answer", /^Hard on/);
    expect(cardRow(a!).lastRating).toBe(4);
    expect(logsOf(a!)).toHaveLength(1);
  });

  it("a quiz answer: the card's scheduling, its log, the question (unanswered again) and the quiz's end", async () => {
    const { quiz, q, key, cardId, position } = await quizWith("any");
    const logs = logsOf(cardId);
    const undone = await roundTrip(
      (s) => answer(quiz.id, { questionId: q.id, answer: rightAnswer(key), durationMs: 4000, sessionId: s }),
      "quiz-answer",
      /^quiz answer \(right, \w+\) on “.+”$/,
    );
    expect(undone.quizId).toBe(quiz.id); // the quiz page reopens that quiz's question
    expect(logsOf(cardId)).toEqual(logs);
    expect(await progress(quiz.id)).toMatchObject({ answered: 0, nextIndex: 0 });
    expect(position).toBeGreaterThanOrEqual(0);
    // The question can be answered again.
    const again = await answer(quiz.id, { questionId: q.id, answer: rightAnswer(key), durationMs: 4000, sessionId: session() });
    expect(again.status).toBe(200);
  });

  it("the last answer of a quiz, which finished it: the quiz is open again", async () => {
    const first = await quizWith("any");
    const qs = first.quiz.questions;
    const s = session();
    const keyOf = (qid: string) =>
      JSON.parse(
        (sqlite().prepare(`SELECT answerKey FROM QuizQuestion WHERE quizId = ? AND questionId = ?`).get(first.quiz.id, qid) as { answerKey: string }).answerKey,
      );
    for (const q of qs.slice(0, -1))
      expect((await answer(first.quiz.id, { questionId: q.id, answer: rightAnswer(keyOf(q.id)), durationMs: 4000, sessionId: s })).status).toBe(200);
    const last = qs.at(-1)!;
    await roundTrip(
      (s2) => answer(first.quiz.id, { questionId: last.id, answer: rightAnswer(keyOf(last.id)), durationMs: 4000, sessionId: s2 }),
      "quiz-answer",
      /quiz answer/,
    );
    expect(await progress(first.quiz.id)).toMatchObject({ finished: false, nextIndex: qs.length - 1, answered: qs.length - 1 });
  });

  it("an “I was right” override: back to the Close answer and its original log row", async () => {
    const { quiz, q, key } = await quizWith("cloze", "takeaways");
    const typed = `${(key as Extract<AnswerKey, { type: "cloze" }>).answer} indeed`;
    const s = session();
    expect((await answer(quiz.id, { questionId: q.id, answer: typed, durationMs: 10_000, sessionId: s })).body).toMatchObject({ verdict: "close" });
    await roundTrip(
      (s2) => answer(quiz.id, { questionId: q.id, answer: typed, durationMs: 0, override: true, sessionId: s2 }),
      "quiz-override",
      /^“I was right” on/,
    );
    // The Close answer itself is still on the first session's stack.
    expect(await peek(s)).toMatchObject({ kind: "quiz-answer" });
  });

  it("suspend and unsuspend (with the siblings a suspend hides)", async () => {
    const [a] = notesWithCards(2)[0]!.cardIds;
    await roundTrip((s) => suspend(s, a!), "suspend", /^suspend of “/);
    sqlite().prepare(`UPDATE Card SET suspended = 1, leech = 1 WHERE id = ?`).run(a);
    await roundTrip((s) => suspend(s, a!, false), "unsuspend", /^unsuspend of “/);
    expect(cardRow(a!)).toMatchObject({ suspended: 1, leech: 1 });
  });

  it("bury and unbury", async () => {
    const [a] = notesWithCards(2)[0]!.cardIds;
    await roundTrip((s) => bury(s, a!), "bury", /^bury of “/);
    sqlite()
      .prepare(`UPDATE Card SET buriedUntil = ? WHERE id = ?`)
      .run(Date.now() + DAY_MS, a);
    await roundTrip((s) => bury(s, a!, false), "unbury", /^unbury of “/);
  });

  it("flag, a changed flag and unflag (the flag row comes back with its id)", async () => {
    const [a] = singletonCards();
    await roundTrip((s) => flag(s, a!), "flag", /^flag \(typo\) of “/);
    expect(flags()).toEqual([]);
    await flag(session(), a!, "wrong", "first");
    const first = flags();
    await roundTrip((s) => flag(s, a!, "ambiguous", "second"), "flag", /^flag \(ambiguous\)/);
    expect(flags()).toEqual(first);
    await roundTrip((s) => unflag(s, a!), "unflag", /^unflag of “/);
    expect(flags()).toEqual(first);
  });

  describe("each bulk action, as one step", () => {
    const ids = () => singletonCards().slice(0, 6);
    beforeEach(() => {
      // A reviewed history for three, so forget and set due change something; two suspended, two buried, one flagged.
      const [a, b, c, d, e, f] = ids();
      for (const id of [a, b, c])
        answerCard({ cardId: id!, rating: 3, durationMs: 1000, reviewId: randomUUID(), source: "quiz" }, new Date(Date.now() - 5 * DAY_MS));
      sqlite().prepare(`UPDATE Card SET suspended = 1 WHERE id IN (?, ?)`).run(d, e);
      sqlite()
        .prepare(`UPDATE Card SET buriedUntil = ? WHERE id IN (?, ?)`)
        .run(Date.now() + DAY_MS, a, f);
      sqlite()
        .prepare(`INSERT INTO CardFlag (cardId, reason, note, createdAt) VALUES (?, 'other', 'old', ?)`)
        .run(b, Date.now() - DAY_MS);
    });
    it.each([
      ["suspend", {}, /^suspend of 4 cards$/],
      ["unsuspend", {}, /^unsuspend of 2 cards$/],
      ["bury", {}, /^bury of 4 cards$/],
      ["unbury", {}, /^unbury of 2 cards$/],
      ["forget", {}, /^reset to new of 3 cards$/],
      ["set-due", { due: { from: 2, to: 9 } }, /^set 3 cards due in 2–9 days$/],
      ["set-due", { due: { date: "2027-01-15" } }, /^set 3 cards due on 2027-01-15$/],
      ["flag", { reason: "wrong", note: "bulk" }, /^flag \(wrong\) of 6 cards$/],
      ["unflag", {}, /^unflag of 1 card$/],
    ])("%s %j", async (action, extra, label) => {
      await roundTrip((s) => bulk(s, { action, ids: ids(), ...extra }), `bulk-${action}`, label);
    });
  });
});

describe("one stack, in order", () => {
  it("mixed review, quiz, flag and bulk actions are undone newest first, each named, back to the start", async () => {
    const s = session();
    const start = state();
    const [a, b, c] = singletonCards();
    const { quiz, q, key } = await quizWith("any");
    const afterQuiz = state();
    const steps: Target[] = [];
    const push = (r: { status: number; body: Json }) => {
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
      steps.push(r.body.undo as Target);
    };
    push(await review(s, a!, 3));
    push(await answer(quiz.id, { questionId: q.id, answer: rightAnswer(key), durationMs: 3000, sessionId: s }));
    push(await bulk(s, { action: "suspend", ids: [b!] }));
    push(await flag(s, a!));
    push(await bury(s, c!));
    expect(steps.map((t) => t.kind)).toEqual(["answer", "quiz-answer", "bulk-suspend", "flag", "bury"]);
    const order: string[] = [];
    for (const want of [...steps].reverse()) {
      const top = await peek(s);
      expect(top).toEqual(want); // the page shows what U undoes
      const u = await undo(s, top!.id);
      expect(u.status, JSON.stringify(u.body)).toBe(200);
      order.push((u.body.undone as Target).kind);
    }
    expect(order).toEqual(["bury", "flag", "bulk-suspend", "quiz-answer", "answer"]);
    expect(await peek(s)).toBeNull();
    expect(state()).toEqual(afterQuiz);
    expect(start).not.toEqual(afterQuiz); // (creating the quiz is not an action: it stays)
  });

  it("an action id that is not the newest is refused (409) and changes nothing", async () => {
    const s = session();
    const [a, b] = singletonCards();
    const first = (await review(s, a!)).body.undo as Target;
    await bulk(s, { action: "bury", ids: [b!] });
    const before = state();
    const r = await undo(s, first.id);
    expect(r.status).toBe(409);
    expect(r.body.error).toMatch(/not the latest action/);
    expect(state()).toEqual(before);
  });
});

describe("session scoping", () => {
  it("another session sees nothing to undo and cannot name this session's actions; a reload (same id) keeps the stack", async () => {
    const s = session();
    const other = session();
    const [a] = singletonCards();
    const { quiz, q, key } = await quizWith("any");
    const mine = (await answer(quiz.id, { questionId: q.id, answer: rightAnswer(key), durationMs: 3000, sessionId: s })).body.undo as Target;
    await bulk(s, { action: "suspend", ids: [a!] });
    expect(await peek(other)).toBeNull();
    expect((await undo(other)).status).toBe(404);
    expect((await undo(other, mine.id)).status).toBe(404);
    expect(await peek(s)).toMatchObject({ kind: "bulk-suspend" });
  });

  it("a bulk action whose card another session changed since restores the rest and says how many it kept", async () => {
    const s = session();
    const ids = singletonCards().slice(0, 4);
    const r = await bulk(s, { action: "bury", ids });
    await new Promise((res) => setTimeout(res, 5));
    await suspend(session(), ids[2]!); // another tab
    const kept = cardRow(ids[2]!);
    const u = await undo(s, (r.body.undo as Target).id);
    expect(u.body).toMatchObject({ restored: 3, skipped: 1 });
    expect(cardRow(ids[2]!)).toEqual(kept);
    expect(cardRow(ids[0]!).buriedUntil).toBeNull();
  });

  it("an answer whose card another session changed since is refused whole (409) and stays on the stack", async () => {
    const s = session();
    const [a] = singletonCards();
    const t = (await review(s, a!)).body.undo as Target;
    await new Promise((res) => setTimeout(res, 5));
    await flag(session(), a!); // no card write: does not block
    await suspend(session(), a!);
    const before = state();
    const u = await undo(s, t.id);
    expect(u.status).toBe(409);
    expect(state()).toEqual(before);
    expect(await peek(s)).toEqual(t);
  });
});

describe("run once under concurrency", () => {
  it.each([
    ["a bulk action", async (s: string) => (await bulk(s, { action: "forget", ids: singletonCards().slice(0, 3) })).body.undo as Target, true],
    [
      "a quiz answer",
      async (s: string) => {
        const { quiz, q, key } = await quizWith("any");
        return (await answer(quiz.id, { questionId: q.id, answer: rightAnswer(key), durationMs: 3000, sessionId: s })).body.undo as Target;
      },
      false,
    ],
    ["a flag", async (s: string) => (await flag(s, singletonCards()[0]!)).body.undo as Target, false],
  ])("%s: of 6 concurrent undos one succeeds, the rest are 409 and name it", async (_name, act, history) => {
    if (history)
      for (const id of singletonCards().slice(0, 3))
        answerCard({ cardId: id, rating: 3, durationMs: 1000, reviewId: randomUUID(), source: "quiz" }, new Date(Date.now() - DAY_MS));
    const s = session();
    const t = await act(s);
    const results = await Promise.all(Array.from({ length: 6 }, () => undo(s, t.id)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect((r.body.details as { undone: Target }).undone).toEqual(t);
  });
});
