// "I was right" (issue 11): a Close typed answer counted right by the learner is
// logged as an override — on real SQLite, through the review and quiz routes.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as postReview } from "@/app/api/v1/reviews/route";
import { POST as createRoute } from "@/app/api/v1/quiz/route";
import { POST as answerRoute } from "@/app/api/v1/quiz/[id]/answers/route";
import { POST as suspendRoute } from "@/app/api/v1/cards/[id]/suspend/route";
import { POST as undoRoute } from "@/app/api/v1/reviews/undo/route";
import { sqlite } from "@/lib/db/sqlite";
import type { AnswerKey, PresentedQuestion } from "@/lib/quiz";
import { DAY_MS, DECK_KEY, idCtx, jsonRequest, logsOf, resetCards, seedDeck, singletonCards, useSettings } from "../helpers/seed";

beforeAll(async () => {
  await seedDeck(new Date(Date.now() - DAY_MS));
}, 120_000);
beforeEach(() => {
  resetCards(new Date(Date.now() - 3_600_000));
  useSettings();
});

const override = (cardId: number) =>
  (sqlite().prepare(`SELECT override FROM ReviewLog WHERE cardId = ? ORDER BY id DESC`).get(cardId) as { override: number }).override;

describe("review: override flag", () => {
  it("is stored when sent, and false otherwise", async () => {
    const [a, b] = singletonCards();
    const r1 = await postReview(jsonRequest("/api/v1/reviews", { cardId: a, rating: 3, durationMs: 1000, reviewId: `r-${randomUUID()}`, override: true }));
    expect(r1.status).toBe(201);
    expect(override(a!)).toBe(1);
    const r2 = await postReview(jsonRequest("/api/v1/reviews", { cardId: b, rating: 3, durationMs: 1000, reviewId: `r-${randomUUID()}` }));
    expect(r2.status).toBe(201);
    expect(override(b!)).toBe(0);
  });
  it("is an action of the study session: undo takes the overridden answer back exactly", async () => {
    const [a] = singletonCards();
    const sessionId = `s-${randomUUID()}`;
    const card = () => sqlite().prepare(`SELECT due, stability, reps, state, updatedAt, lastRating FROM Card WHERE id = ?`).get(a!);
    const before = card();
    const logsBefore = logsOf(a!).length;
    const r = await postReview(
      jsonRequest("/api/v1/reviews", { cardId: a, rating: 3, durationMs: 1000, reviewId: `r-${randomUUID()}`, override: true, sessionId }),
    );
    expect(r.status).toBe(201);
    const { undo } = (await r.json()) as { undo: { label: string } };
    expect(undo.label).toMatch(/^Good \(I was right\) on /);
    const u = await undoRoute(jsonRequest("/api/v1/reviews/undo", { sessionId }));
    expect(u.status).toBe(200);
    expect(card()).toEqual(before);
    expect(logsOf(a!).length).toBe(logsBefore);
  });
  it("must be a boolean (400, nothing written)", async () => {
    const [a] = singletonCards();
    const before = logsOf(a!).length;
    const r = await postReview(jsonRequest("/api/v1/reviews", { cardId: a, rating: 3, durationMs: 1000, reviewId: `r-${randomUUID()}`, override: "yes" }));
    expect(r.status).toBe(400);
    expect(logsOf(a!).length).toBe(before);
  });
});

describe("quiz: I was right after a Close cloze answer", () => {
  async function clozeQuestion() {
    const res = await createRoute(jsonRequest("/api/v1/quiz", { deck: DECK_KEY, topic: "takeaways", length: 20, seed: 7 }));
    const quiz = (await res.json()) as { id: string; questions: PresentedQuestion[] };
    const q = quiz.questions.find((x) => x.type === "cloze")!;
    const row = sqlite().prepare(`SELECT answerKey, cardId FROM QuizQuestion WHERE quizId = ? AND questionId = ?`).get(quiz.id, q.id) as {
      answerKey: string;
      cardId: number;
    };
    return { quizId: quiz.id, q, key: JSON.parse(row.answerKey) as Extract<AnswerKey, { type: "cloze" }>, cardId: row.cardId };
  }
  const answer = async (quizId: string, body: unknown) => {
    const res = await answerRoute(jsonRequest(`/api/v1/quiz/${quizId}/answers`, body), idCtx(quizId));
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  it("re-rates the card's review with a right answer's rating, flagged; only once", async () => {
    const { quizId, q, key, cardId } = await clozeQuestion();
    const typed = `${key.answer} indeed`; // over-long: Close
    const first = await answer(quizId, { questionId: q.id, answer: typed, durationMs: 10_000 });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ correct: false, verdict: "close", rating: 1 });
    const logsBefore = logsOf(cardId);
    expect(logsBefore.at(-1)).toMatchObject({ rating: 1 });

    const o = await answer(quizId, { questionId: q.id, answer: typed, durationMs: 0, override: true });
    expect(o.status).toBe(200);
    expect(o.json).toMatchObject({ correct: true, overridden: true, rating: 3 });
    const logs = logsOf(cardId);
    expect(logs.length).toBe(logsBefore.length); // replaced, not added
    expect(logs.at(-1)).toMatchObject({ rating: 3, source: "quiz" });
    expect(override(cardId)).toBe(1);
    const qq = sqlite().prepare(`SELECT correct, rating FROM QuizQuestion WHERE quizId = ? AND questionId = ?`).get(quizId, q.id);
    expect(qq).toEqual({ correct: 1, rating: 3 });

    const again = await answer(quizId, { questionId: q.id, answer: typed, durationMs: 0, override: true });
    expect(again.status).toBe(409);
  });

  it("is refused for a wrong answer (409) and for an unanswered question", async () => {
    const { quizId, q } = await clozeQuestion();
    expect((await answer(quizId, { questionId: q.id, answer: "x", durationMs: 0, override: true })).status).toBe(409);
    await answer(quizId, { questionId: q.id, answer: "zzzz qqqq", durationMs: 1000 });
    expect((await answer(quizId, { questionId: q.id, answer: "zzzz qqqq", durationMs: 0, override: true })).status).toBe(409);
  });

  it("is refused (409) once the card was written since, so a later suspend is never erased; after undoing it, allowed", async () => {
    const { quizId, q, key, cardId } = await clozeQuestion();
    const typed = `${key.answer} indeed`;
    expect((await answer(quizId, { questionId: q.id, answer: typed, durationMs: 10_000 })).json).toMatchObject({ verdict: "close" });
    await new Promise((r) => setTimeout(r, 5)); // a later write has a later updatedAt
    const sessionId = `s-${randomUUID()}`;
    const s = await suspendRoute(jsonRequest(`/api/v1/cards/${cardId}/suspend`, { suspended: true, sessionId }), idCtx(String(cardId)));
    expect(s.status).toBe(200);
    const refused = await answer(quizId, { questionId: q.id, answer: typed, durationMs: 0, override: true });
    expect(refused.status).toBe(409);
    const row = () => sqlite().prepare(`SELECT suspended FROM Card WHERE id = ?`).get(cardId) as { suspended: number };
    expect(row().suspended).toBe(1);
    expect(sqlite().prepare(`SELECT correct FROM QuizQuestion WHERE quizId = ? AND questionId = ?`).get(quizId, q.id)).toEqual({ correct: 0 });

    expect((await undoRoute(jsonRequest("/api/v1/reviews/undo", { sessionId }))).status).toBe(200);
    const o = await answer(quizId, { questionId: q.id, answer: typed, durationMs: 0, override: true });
    expect(o.status).toBe(200);
    expect(o.json).toMatchObject({ correct: true, overridden: true });
    expect(row().suspended).toBe(0);
  });
});
