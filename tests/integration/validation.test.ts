// Input the attack battery found graded or applied: quiz answers that
// cannot answer their question, ids that are not plain decimal integers, and
// bodies that should be empty. Each is a 400 and writes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createQuizRoute } from "@/app/api/v1/quiz/route";
import { POST as answerRoute } from "@/app/api/v1/quiz/[id]/answers/route";
import { POST as postSuspend } from "@/app/api/v1/cards/[id]/suspend/route";
import { POST as postBury } from "@/app/api/v1/cards/[id]/bury/route";
import { POST as postUndo } from "@/app/api/v1/reviews/undo/route";
import { POST as postReview } from "@/app/api/v1/reviews/route";
import { GET as getQueue } from "@/app/api/v1/queue/route";
import { sqlite } from "@/lib/db/sqlite";
import type { AnswerKey, PresentedQuestion } from "@/lib/quiz";
import { fingerprint } from "../helpers/db-fingerprint";
import { DAY_MS, DECK_KEY, idCtx, jsonRequest, resetCards, seedDeck, useSettings } from "../helpers/seed";

const post = (path: string, body?: unknown) => jsonRequest(path, body, { headers: { "content-type": "application/json" } });

beforeAll(async () => {
  await seedDeck(new Date(Date.now() - DAY_MS));
  resetCards(new Date(Date.now() - 3_600_000));
  useSettings();
}, 120_000);

/** The response, after checking that no table changed. */
async function refusedWithoutWrites(act: () => Promise<Response>, status = 400): Promise<{ error: string }> {
  const before = fingerprint(sqlite());
  const res = await act();
  const body = (await res.json()) as { error: string; details: unknown };
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(body).toHaveProperty("details");
  expect(fingerprint(sqlite())).toEqual(before);
  return body;
}

describe("quiz answers that cannot answer their question → 400, nothing logged", () => {
  type Quiz = { id: string; questions: PresentedQuestion[] };
  let quiz: Quiz;
  const keyOf = (questionId: string) =>
    JSON.parse(
      (sqlite().prepare(`SELECT answerKey FROM QuizQuestion WHERE quizId = ? AND questionId = ?`).get(quiz.id, questionId) as { answerKey: string }).answerKey,
    ) as AnswerKey;
  const find = (type: string) => {
    const q = quiz.questions.find((x) => x.type === type);
    if (!q) throw new Error(`no ${type} question in the quiz`);
    return { q, key: keyOf(q.id) };
  };
  const answer = (questionId: string, value: unknown) =>
    answerRoute(post(`/api/v1/quiz/${quiz.id}/answers`, { questionId, answer: value, durationMs: 4000 }), idCtx(quiz.id) as never);

  beforeAll(async () => {
    // A seed whose 20 questions include multiple choice, order and match.
    for (let seed = 0; seed < 100; seed++) {
      const res = await createQuizRoute(post("/api/v1/quiz", { deck: DECK_KEY, topic: "all", length: 20, seed }));
      const q = (await res.json()) as Quiz;
      if (["multiple-choice", "order", "match"].every((t) => q.questions.some((x) => x.type === t))) {
        quiz = q;
        return;
      }
    }
    throw new Error("no seed gives multiple choice, order and match");
  });

  it("a multiple-choice option index past the options (999 of 4)", async () => {
    const { q, key } = find("multiple-choice");
    if (key.type !== "multiple-choice") throw new Error();
    const b = await refusedWithoutWrites(() => answer(q.id, 999));
    expect(b.error).toMatch(/option 999 does not exist; the options are 0 to \d/);
    await refusedWithoutWrites(() => answer(q.id, key.options.length));
  });

  it("an order answer of the wrong length (50 items for the question's few), or other items", async () => {
    const { q, key } = find("order");
    if (key.type !== "order") throw new Error();
    const b = await refusedWithoutWrites(() =>
      answer(
        q.id,
        Array.from({ length: 50 }, (_, i) => `item ${i}`),
      ),
    );
    expect(b.error).toMatch(new RegExp(`${key.items.length} items, not 50`));
    await refusedWithoutWrites(() => answer(q.id, key.items.slice(1)));
    await refusedWithoutWrites(() => answer(q.id, [...key.items.slice(1), key.items[1]!]));
  });

  it("a match answer with too few, too many or other terms", async () => {
    const { q, key } = find("match");
    if (key.type !== "match") throw new Error();
    await refusedWithoutWrites(() => answer(q.id, key.pairs.slice(1)));
    await refusedWithoutWrites(() => answer(q.id, [...key.pairs, { left: "extra", right: "x" }]));
    await refusedWithoutWrites(() =>
      answer(
        q.id,
        key.pairs.map((p, i) => (i === 0 ? { left: "not a term", right: p.right } : p)),
      ),
    );
  });

  it("answers that fit are graded and logged, even when wrong", async () => {
    const logs = () => (sqlite().prepare(`SELECT count(*) AS n FROM ReviewLog`).get() as { n: number }).n;
    const answered = () =>
      (sqlite().prepare(`SELECT count(*) AS n FROM QuizQuestion WHERE quizId = ? AND answeredAt IS NOT NULL`).get(quiz.id) as { n: number }).n;
    const withCard = (id: string) =>
      (sqlite().prepare(`SELECT cardId FROM QuizQuestion WHERE quizId = ? AND questionId = ?`).get(quiz.id, id) as { cardId: number | null }).cardId !== null;
    const before = logs();
    const mc = find("multiple-choice");
    if (mc.key.type !== "multiple-choice") throw new Error();
    const wrong = (mc.key.answerIndex + 1) % mc.key.options.length;
    expect((await answer(mc.q.id, wrong)).status).toBe(200);
    const order = find("order");
    if (order.key.type !== "order") throw new Error();
    expect((await answer(order.q.id, [...order.key.items].reverse())).status).toBe(200);
    const match = find("match");
    if (match.key.type !== "match") throw new Error();
    expect((await answer(match.q.id, match.key.pairs)).status).toBe(200);
    expect(answered()).toBe(3);
    // Each answer is also a review of its card; a match question spans several notes and has none.
    expect(logs()).toBe(before + [mc.q.id, order.q.id, match.q.id].filter(withCard).length);
  });
});

describe("ids are plain decimal integers", () => {
  // 16 and 1000 are what Number() makes of 0x10 and 1e3; card 5 exists.
  const bad = ["0x10", "1e3", "+5", " 5", "5 ", "05", "5.0", "0", "-5", "", "Infinity", "9".repeat(30)];

  it.each(bad)("suspend and bury refuse id %j", async (id) => {
    await refusedWithoutWrites(() => postSuspend(post(`/api/v1/cards/x/suspend`, {}), idCtx(id) as never));
    await refusedWithoutWrites(() => postBury(post(`/api/v1/cards/x/bury`, {}), idCtx(id) as never));
  });

  it.each(["0x10", "1e1", "+5", " 5", "05"])("the queue refuses limit=%j", async (limit) => {
    const res = await getQueue(new Request(`http://localhost/api/v1/queue?limit=${encodeURIComponent(limit)}`));
    expect(res.status).toBe(400);
  });

  it("a plain id still works", async () => {
    expect((await postSuspend(post(`/api/v1/cards/5/suspend`, { suspended: false }), idCtx("5") as never)).status).toBe(200);
    expect((await getQueue(new Request(`http://localhost/api/v1/queue?limit=5`))).status).toBe(200);
  });
});

describe("bodies that should be empty are validated too", () => {
  it.each([
    ["an unknown field", { until: "tomorrow" }],
    ["an array", [1]],
    ["a string", '"x"'],
    ["not JSON", "{bury"],
  ])("bury refuses %s", async (_name, body) => {
    await refusedWithoutWrites(() => postBury(post(`/api/v1/cards/5/bury`, body), idCtx("5") as never));
  });

  it("undo refuses an unknown field, even with nothing to undo", async () => {
    const b = await refusedWithoutWrites(() => postUndo(post("/api/v1/reviews/undo", { reviewId: 3 })));
    expect(b.error).toBe("invalid request");
  });

  it("bury takes {} or no body", async () => {
    expect((await postBury(post(`/api/v1/cards/6/bury`, {}), idCtx("6") as never)).status).toBe(200);
    expect((await postBury(post(`/api/v1/cards/7/bury`), idCtx("7") as never)).status).toBe(200);
  });

  it("a review body with an extra field is refused", async () => {
    await refusedWithoutWrites(() => postReview(post("/api/v1/reviews", { cardId: 8, rating: 3, durationMs: 1, reviewId: "r-validation-1", extra: 1 })));
  });
});
