// The quiz API on real SQLite: route handlers called with real Requests, the
// real deck synced from content/, answers checked against the ReviewLog.
import { beforeAll, describe, expect, it } from "vitest";
import { syncDeck } from "@/lib/db/sync";
import { buildDeck } from "@/lib/generate/build-deck";
import { sqlite } from "@/lib/db/sqlite";
import { POST as createRoute } from "@/app/api/v1/quiz/route";
import { GET as summaryRoute } from "@/app/api/v1/quiz/[id]/route";
import { POST as answerRoute } from "@/app/api/v1/quiz/[id]/answers/route";
import { GET as progressRoute } from "@/app/api/v1/quiz/[id]/progress/route";
import { POST as endRoute } from "@/app/api/v1/quiz/[id]/end/route";
import { GET as listRoute } from "@/app/api/v1/quiz/route";
import { RATING_THRESHOLDS } from "@/lib/quiz";
import type { AnswerKey, PresentedQuestion } from "@/lib/quiz";
import { rightAnswer, wrongAnswer } from "../helpers/quiz-answers";

const DECK = "claude-character";
const SMALL_DECK = "photosynthesis";
const DAY_MS = 86_400_000;

type Created = {
  id: string;
  deck: string;
  topic: string;
  length: number;
  seed: number;
  shortBy: number;
  notice?: string;
  questions: PresentedQuestion[];
};

const post = (url: string, body: unknown) =>
  new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

/**
 * A vocabulary quiz of 5 that has a match question. A match shows four terms, so it is left out where it
 * would make the quiz shorter than asked (a quiz of 20 is); some seeds' quizzes of 5 have one, the first is used.
 */
async function quizWithMatch(): Promise<Created & { seed: number }> {
  for (let seed = 1; seed <= 60; seed++) {
    const { json } = await create({ deck: DECK, topic: "vocabulary", length: 5, seed });
    if (json.questions.some((q) => q.type === "match")) return { ...json, seed };
  }
  throw new Error("no vocabulary quiz of seeds 1–60 has a match question");
}

async function create(body: unknown): Promise<{ status: number; json: Created & { error?: string; details?: unknown } }> {
  const res = await createRoute(post("/api/v1/quiz", body));
  return { status: res.status, json: await res.json() };
}
async function answer(quizId: string, body: unknown) {
  const res = await answerRoute(post(`/api/v1/quiz/${quizId}/answers`, body), params(quizId));
  return { status: res.status, json: await res.json() };
}
async function summary(quizId: string) {
  const res = await summaryRoute(new Request(`http://localhost/api/v1/quiz/${quizId}`), params(quizId));
  return { status: res.status, json: await res.json() };
}

const db = () => sqlite();
function keyOf(quizId: string, questionId: string): AnswerKey {
  const row = db().prepare(`SELECT answerKey FROM QuizQuestion WHERE quizId = ? AND questionId = ?`).get(quizId, questionId) as { answerKey: string };
  return JSON.parse(row.answerKey) as AnswerKey;
}
const logsFor = (reviewId: string) =>
  db().prepare(`SELECT cardId, rating, source, durationMs, state FROM ReviewLog WHERE reviewId = ?`).all(reviewId) as {
    cardId: number;
    rating: number;
    source: string;
    durationMs: number;
    state: number;
  }[];
const logCount = () => (db().prepare(`SELECT count(*) AS n FROM ReviewLog`).get() as { n: number }).n;

beforeAll(async () => {
  const now = new Date();
  await syncDeck(buildDeck("content/claude-character"), now);
  await syncDeck(buildDeck("tests/fixtures/content/photosynthesis"), now);
}, 60_000);

describe("POST /api/v1/quiz", () => {
  it.each(["vocabulary", "takeaways", "pipeline", "all"] as const)("creates a %s quiz of 10 distinct questions from that topic", async (topic) => {
    const { status, json } = await create({ deck: DECK, topic, length: 10, seed: 42 });
    expect(status).toBe(201);
    expect(json).toMatchObject({ deck: DECK, topic, length: 10, seed: 42, shortBy: 0 });
    expect(json.notice).toBeUndefined();
    expect(json.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(json.questions).toHaveLength(10);
    const ids = json.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(10);
    for (const q of json.questions) if (topic !== "all") expect(q.topic).toBe(topic);
    const stored = db().prepare(`SELECT questionId, position FROM QuizQuestion WHERE quizId = ? ORDER BY position`).all(json.id) as { questionId: string }[];
    expect(stored.map((r) => r.questionId)).toEqual(ids);
  });

  it("presented questions carry no answers", async () => {
    for (const topic of ["vocabulary", "takeaways", "pipeline"] as const) {
      const { json } = await create({ deck: DECK, topic, length: 20, seed: 3 });
      for (const q of json.questions) {
        expect(Object.keys(q).sort()).toEqual(
          [
            "id",
            "topic",
            "prompt",
            "type",
            ...{ "multiple-choice": ["options"], "true-false": ["options"], cloze: [], order: ["items"], match: ["left", "right"] }[q.type],
          ].sort(),
        );
        const key = keyOf(json.id, q.id);
        if (q.type === "order" && key.type === "order") expect(q.items).not.toEqual(key.items);
        if (q.type === "cloze" && key.type === "cloze") expect(q.prompt.toLowerCase()).not.toContain(key.answer.toLowerCase());
        if (q.type === "multiple-choice" && key.type === "multiple-choice") expect(q.options.filter((o) => o === key.answer)).toHaveLength(1);
      }
    }
  });

  it("the same seed gives the same quiz; vocabulary quizzes include match questions", async () => {
    const a = await quizWithMatch();
    const b = (await create({ deck: DECK, topic: "vocabulary", length: 5, seed: a.seed })).json;
    expect(b.questions).toEqual(a.questions);
    expect(a.id).not.toBe(b.id);
    const match = a.questions.find((q) => q.type === "match");
    expect(match).toBeDefined();
    if (match?.type === "match") {
      expect(match.left).toHaveLength(4);
      expect(match.right).toHaveLength(4);
    }
  });

  it("a topic with fewer questions than asked says so and offers what there is", async () => {
    const { status, json } = await create({ deck: SMALL_DECK, topic: "takeaways", length: 20, seed: 1 });
    expect(status).toBe(201);
    const n = json.questions.length;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(20);
    expect(json.shortBy).toBe(20 - n);
    expect(json.notice).toBe(`${n} question${n === 1 ? "" : "s"}: this topic has only ${n} that don't give each other away`);
    expect(new Set(json.questions.map((q) => q.id)).size).toBe(n);
  });

  it.each([
    ["topic x", { deck: DECK, topic: "x", length: 5 }, "topic"],
    ["length 7", { deck: DECK, topic: "all", length: 7 }, "length"],
    ["no length", { deck: DECK, topic: "all" }, "length"],
    ["no deck", { topic: "all", length: 5 }, "deck"],
    ["seed not an integer", { deck: DECK, topic: "all", length: 5, seed: 1.5 }, "seed"],
    ["unknown field", { deck: DECK, topic: "all", length: 5, extra: 1 }, null],
    ["empty questionIds", { deck: DECK, topic: "all", questionIds: [] }, "questionIds"],
  ])("400 for %s", async (_name, body, field) => {
    const { status, json } = await create(body);
    expect(status).toBe(400);
    expect(json.error).toBe("invalid request");
    if (field) expect(Object.keys((json.details as { fieldErrors: object }).fieldErrors)).toContain(field);
  });

  it("400 for a body that is not JSON, 413 for one too large", async () => {
    expect((await create("{nope")).status).toBe(400);
    const big = await create({ deck: DECK, topic: "all", length: 5, questionIds: ["x".repeat(20_000)] });
    expect(big.status).toBe(413);
    expect(big.json.error).toMatch(/too large/);
  });

  it("404 for an unknown deck", async () => {
    const { status, json } = await create({ deck: "no-such-deck", topic: "all", length: 5 });
    expect(status).toBe(404);
    expect(json.error).toMatch(/no-such-deck/);
  });

  it("leaves suspended and retired cards out", async () => {
    const all = (await create({ deck: DECK, topic: "pipeline", length: 20, seed: 9 })).json;
    const cardIds = all.questions.flatMap((q) => (q.id.startsWith("card:") ? [Number(q.id.slice(5))] : []));
    const [suspended, retired] = cardIds;
    db().prepare(`UPDATE Card SET suspended = 1 WHERE id = ?`).run(suspended);
    db().prepare(`UPDATE Card SET retired = 1 WHERE id = ?`).run(retired);
    try {
      for (let seed = 0; seed < 10; seed++) {
        const { json } = await create({ deck: DECK, topic: "pipeline", length: 20, seed });
        expect(json.questions.map((q) => q.id)).not.toContain(`card:${suspended}`);
        expect(json.questions.map((q) => q.id)).not.toContain(`card:${retired}`);
      }
    } finally {
      db().prepare(`UPDATE Card SET suspended = 0, retired = 0 WHERE id IN (?, ?)`).run(suspended, retired);
    }
  });
});

describe("POST /api/v1/quiz/{id}/answers", () => {
  it("a wrong answer: feedback, and a quiz review rated Again", async () => {
    const quiz = (await create({ deck: DECK, topic: "all", length: 5, seed: 11 })).json;
    const q = quiz.questions.find((x) => x.type !== "match")!;
    const key = keyOf(quiz.id, q.id);
    const { status, json } = await answer(quiz.id, { questionId: q.id, answer: wrongAnswer(key), durationMs: 2000 });
    expect(status).toBe(200);
    expect(json).toMatchObject({ questionId: q.id, correct: false, rating: 1, explanation: key.explanation, finished: false });
    expect(json.source).toEqual(key.source);
    expect(json.source.quote.length).toBeGreaterThan(0);
    expect(json.correctAnswer).toBeDefined();
    expect(json.card).toMatchObject({ id: key.cardId, state: expect.any(Number), due: expect.any(String) });
    expect(logsFor(`quiz:${quiz.id}:${q.id}`)).toEqual([{ cardId: key.cardId, rating: 1, source: "quiz", durationMs: 2000, state: expect.any(Number) }]);
  });

  it("right and fast → Easy (4); right and slow → Hard (2); in between → Good (3)", async () => {
    const quiz = (await create({ deck: DECK, topic: "takeaways", length: 5, seed: 12 })).json;
    const [a, b, c] = quiz.questions;
    const cases = [
      [a!, (t: { fastMs: number }) => t.fastMs, 4],
      [b!, (t: { slowMs: number }) => t.slowMs + 1000, 2],
      [c!, (t: { fastMs: number; slowMs: number }) => Math.round((t.fastMs + t.slowMs) / 2), 3],
    ] as const;
    for (const [q, time, rating] of cases) {
      const key = keyOf(quiz.id, q.id);
      const durationMs = time(RATING_THRESHOLDS[key.type]);
      const { status, json } = await answer(quiz.id, { questionId: q.id, answer: rightAnswer(key), durationMs });
      expect(status).toBe(200);
      expect(json).toMatchObject({ correct: true, rating });
      expect(logsFor(`quiz:${quiz.id}:${q.id}`)).toMatchObject([{ rating, source: "quiz", durationMs }]);
    }
  });

  it("a card that is not due keeps its schedule when answered right, and is due now when answered wrong", async () => {
    const quiz = (await create({ deck: DECK, topic: "pipeline", length: 5, seed: 13 })).json;
    const [q, w] = quiz.questions.filter((x) => x.id.startsWith("card:"));
    const now = Date.now();
    for (const x of [q!, w!]) {
      db()
        .prepare(`UPDATE Card SET state = 2, reps = 3, stability = 20, difficulty = 5, due = ?, last_review = ?, scheduled_days = 20 WHERE id = ?`)
        .run(now + 10 * DAY_MS, now - 10 * DAY_MS, keyOf(quiz.id, x.id).cardId);
    }
    const key = keyOf(quiz.id, q!.id);
    const { status, json } = await answer(quiz.id, { questionId: q!.id, answer: rightAnswer(key), durationMs: 1000 });
    expect(status).toBe(200);
    expect(json.card).toMatchObject({ id: key.cardId, effect: "unchanged", due: new Date(now + 10 * DAY_MS).toISOString() });
    expect(logsFor(`quiz:${quiz.id}:${q!.id}`)).toMatchObject([{ cardId: key.cardId, source: "quiz", state: 2 }]);
    const card = db().prepare(`SELECT reps, last_review, due FROM Card WHERE id = ?`).get(key.cardId) as { reps: number; last_review: number; due: number };
    expect(card).toEqual({ reps: 4, last_review: now - 10 * DAY_MS, due: now + 10 * DAY_MS });

    const wrongKey = keyOf(quiz.id, w!.id);
    const wrong = await answer(quiz.id, { questionId: w!.id, answer: wrongAnswer(wrongKey), durationMs: 1000 });
    expect(wrong.status).toBe(200);
    expect(wrong.json.card).toMatchObject({ effect: "due-now" });
    const c = db().prepare(`SELECT due, state, stability, buriedUntil FROM Card WHERE id = ?`).get(wrongKey.cardId) as {
      due: number;
      state: number;
      stability: number;
    };
    expect(c.due).toBeLessThanOrEqual(Date.now());
    expect(c).toMatchObject({ state: 2, stability: 20, buriedUntil: null });
  });

  it("a suspended card answered in a quiz is recorded and stays suspended", async () => {
    const quiz = (await create({ deck: DECK, topic: "takeaways", length: 5, seed: 14 })).json;
    const q = quiz.questions[0]!;
    const key = keyOf(quiz.id, q.id);
    db().prepare(`UPDATE Card SET suspended = 1 WHERE id = ?`).run(key.cardId);
    const { status } = await answer(quiz.id, { questionId: q.id, answer: rightAnswer(key), durationMs: 6000 });
    expect(status).toBe(200);
    expect(logsFor(`quiz:${quiz.id}:${q.id}`)).toHaveLength(1);
    expect((db().prepare(`SELECT suspended FROM Card WHERE id = ?`).get(key.cardId) as { suspended: number }).suspended).toBe(1);
    db().prepare(`UPDATE Card SET suspended = 0 WHERE id = ?`).run(key.cardId);
  });

  it("a second answer to the same question → 409 and nothing changes", async () => {
    const quiz = (await create({ deck: DECK, topic: "vocabulary", length: 5, seed: 15 })).json;
    const q = quiz.questions.find((x) => x.id.startsWith("card:"))!;
    const key = keyOf(quiz.id, q.id);
    const first = await answer(quiz.id, { questionId: q.id, answer: wrongAnswer(key), durationMs: 1000 });
    expect(first.status).toBe(200);
    const row = () =>
      db().prepare(`SELECT given, correct, rating, durationMs, answeredAt FROM QuizQuestion WHERE quizId = ? AND questionId = ?`).get(quiz.id, q.id);
    const card = () => db().prepare(`SELECT * FROM Card WHERE id = ?`).get(key.cardId);
    const [rowBefore, cardBefore, logsBefore] = [row(), card(), logCount()];
    const second = await answer(quiz.id, { questionId: q.id, answer: rightAnswer(key), durationMs: 1000 });
    expect(second.status).toBe(409);
    expect(second.json.error).toMatch(/already answered/);
    expect(row()).toEqual(rowBefore);
    expect(card()).toEqual(cardBefore);
    expect(logCount()).toBe(logsBefore);
    expect(logsFor(`quiz:${quiz.id}:${q.id}`)).toHaveLength(1);
  });

  it("a match question is graded pair by pair and reviews no card", async () => {
    const quiz = await quizWithMatch();
    const q = quiz.questions.find((x) => x.type === "match")!;
    const key = keyOf(quiz.id, q.id);
    expect(key.cardId).toBeNull();
    const before = logCount();
    const { status, json } = await answer(quiz.id, { questionId: q.id, answer: wrongAnswer(key), durationMs: 20_000 });
    expect(status).toBe(200);
    expect(json).toMatchObject({ correct: false, rating: 1, score: { right: 0, total: 4 } });
    expect(json.card).toBeUndefined();
    expect(json.correctAnswer).toHaveLength(4);
    expect(logCount()).toBe(before);
  });

  it("typed cloze answers are graded forgivingly (case, accents, a typo of a long answer is 'close' and wrong)", async () => {
    // A quiz with two typed questions (which never share a word of their answers).
    let quiz = (await create({ deck: DECK, topic: "takeaways", length: 20, seed: 21 })).json;
    for (let seed = 22; quiz.questions.filter((x) => x.type === "cloze").length < 2 && seed < 60; seed++)
      quiz = (await create({ deck: DECK, topic: "takeaways", length: 20, seed })).json;
    const clozes = quiz.questions.filter((x) => x.type === "cloze");
    expect(clozes.length).toBeGreaterThanOrEqual(2);
    const k1 = keyOf(quiz.id, clozes[0]!.id);
    const r1 = await answer(quiz.id, { questionId: clozes[0]!.id, answer: `  ${k1.type === "cloze" ? k1.answer.toUpperCase() : ""} `, durationMs: 5000 });
    expect(r1.json).toMatchObject({ correct: true, verdict: "correct" });
    const r2 = await answer(quiz.id, { questionId: clozes[1]!.id, answer: "completely different", durationMs: 5000 });
    expect(r2.json).toMatchObject({ correct: false, verdict: "wrong", rating: 1 });
  });

  it.each([
    ["missing answer", { durationMs: 100 }],
    ["negative duration", { answer: "x", durationMs: -1 }],
    ["fractional duration", { answer: "x", durationMs: 1.5 }],
    ["missing duration", { answer: "x" }],
    ["answer of no accepted shape", { answer: { nested: { deep: 1 } }, durationMs: 100 }],
    ["unknown field", { answer: "x", durationMs: 100, extra: true }],
  ])("400 for %s", async (_name, partial) => {
    const quiz = (await create({ deck: DECK, topic: "pipeline", length: 5, seed: 16 })).json;
    const q = quiz.questions[0]!;
    const before = logCount();
    const { status, json } = await answer(quiz.id, { questionId: q.id, ...partial });
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: expect.any(String), details: expect.anything() });
    expect(logCount()).toBe(before);
  });

  it("413 for an oversized body, 400 for an answer of the wrong shape for the question type; nothing recorded", async () => {
    const quiz = (await create({ deck: DECK, topic: "pipeline", length: 20, seed: 17 })).json;
    const q = quiz.questions.find((x) => x.type === "order")!;
    const before = logCount();
    const big = await answer(quiz.id, { questionId: q.id, answer: "y".repeat(20_000), durationMs: 1 });
    expect(big.status).toBe(413);
    const shape = await answer(quiz.id, { questionId: q.id, answer: "not a list", durationMs: 1 });
    expect(shape.status).toBe(400);
    expect(shape.json.error).toMatch(/order answer/);
    expect(logCount()).toBe(before);
    // still answerable afterwards
    expect((await answer(quiz.id, { questionId: q.id, answer: rightAnswer(keyOf(quiz.id, q.id)), durationMs: 1 })).status).toBe(200);
  });

  it("404 for an unknown quiz or question, 400 for a malformed quiz id (like a malformed card id)", async () => {
    const quiz = (await create({ deck: DECK, topic: "pipeline", length: 5, seed: 18 })).json;
    const q = quiz.questions[0]!;
    expect((await answer("nope-not-a-quiz", { questionId: q.id, answer: "x", durationMs: 1 })).status).toBe(404);
    expect((await answer("bad id!", { questionId: q.id, answer: "x", durationMs: 1 })).status).toBe(400);
    const missing = await answer(quiz.id, { questionId: "card:999999", answer: "x", durationMs: 1 });
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatch(/card:999999/);
  });
});

describe("GET /api/v1/quiz/{id} and retrying the missed ones", () => {
  it("summarises score, time, score per topic and the missed questions; retry asks them again", async () => {
    const quiz = (await create({ deck: DECK, topic: "all", length: 10, seed: 19 })).json;
    const early = await summary(quiz.id);
    expect(early.json).toMatchObject({ score: { correct: 0, total: 10, answered: 0 }, timeMs: 0, missed: [], finished: false, finishedAt: null });

    const wrongIds: string[] = [];
    let expectedTime = 0;
    const byTopic: Record<string, { correct: number; total: number }> = {};
    for (const [i, q] of quiz.questions.entries()) {
      const key = keyOf(quiz.id, q.id);
      const right = i % 3 !== 0;
      const durationMs = 1000 * (i + 1);
      expectedTime += durationMs;
      const t = byTopic[q.topic] ?? { correct: 0, total: 0 };
      byTopic[q.topic] = t;
      t.total++;
      if (right) t.correct++;
      else wrongIds.push(q.id);
      const r = await answer(quiz.id, { questionId: q.id, answer: right ? rightAnswer(key) : wrongAnswer(key), durationMs });
      expect(r.json.finished).toBe(i === quiz.questions.length - 1);
    }
    const { status, json } = await summary(quiz.id);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      id: quiz.id,
      deck: DECK,
      topic: "all",
      score: { correct: 10 - wrongIds.length, total: 10, answered: 10 },
      timeMs: expectedTime,
      byTopic,
      finished: true,
      finishedAt: expect.any(String),
    });
    expect(json.missed.map((m: { questionId: string }) => m.questionId)).toEqual(wrongIds);
    for (const m of json.missed) {
      const p = quiz.questions.find((q) => q.id === m.questionId)!;
      expect(m.prompt).toBe(p.prompt);
      expect(m.correctAnswer).toBeTruthy();
      expect(m.given).toBeDefined();
      expect(m.source.quote).toBeTruthy();
    }

    const retry = await create({ deck: DECK, topic: "all", questionIds: wrongIds });
    expect(retry.status).toBe(201);
    expect(retry.json.length).toBe(wrongIds.length);
    expect(retry.json.shortBy).toBe(0);
    expect(retry.json.questions.map((q) => q.id).sort()).toEqual([...wrongIds].sort());
  });

  it("retry rebuilds match questions from their ids and reports ids no longer available", async () => {
    const quiz = await quizWithMatch();
    const match = quiz.questions.find((q) => q.type === "match")!;
    const card = quiz.questions.find((q) => q.type !== "match")!;
    const retry = await create({ deck: DECK, topic: "vocabulary", questionIds: [match.id, card.id, "card:999999", "match:term:nope,term:zilch"] });
    expect(retry.status).toBe(201);
    expect(retry.json.questions.map((q) => q.id).sort()).toEqual([match.id, card.id].sort());
    expect(retry.json).toMatchObject({ length: 4, shortBy: 2, notice: "only 2 of the 4 questions are still available" });
    const again = retry.json.questions.find((q) => q.id === match.id);
    expect(again?.type === "match" && again.left).toEqual(match.type === "match" && match.left);
  });

  it("404 for an unknown quiz, 400 for a malformed id", async () => {
    expect((await summary("unknownquiz000000")).status).toBe(404);
    expect((await summary("../etc")).status).toBe(400);
  });
});

describe("resuming a quiz (issue 12 item 7)", () => {
  const progress = async (id: string) => {
    const res = await progressRoute(new Request(`http://localhost/api/v1/quiz/${id}/progress`), params(id));
    return { status: res.status, json: (await res.json()) as { quiz: Created; answered: number; right: number; nextIndex: number; finished: boolean } };
  };
  const unfinishedIds = async () => ((await (await listRoute()).json()) as { unfinished: { id: string; answered: number; total: number }[] }).unfinished;

  it("continues at the next question with the score so far; ending it takes it off the list", async () => {
    const quiz = (await create({ deck: DECK, topic: "takeaways", length: 5, seed: 77 })).json;
    const [a, b] = quiz.questions;
    await answer(quiz.id, { questionId: a!.id, answer: rightAnswer(keyOf(quiz.id, a!.id)), durationMs: 4000 });
    await answer(quiz.id, { questionId: b!.id, answer: wrongAnswer(keyOf(quiz.id, b!.id)), durationMs: 4000 });

    const p = await progress(quiz.id);
    expect(p.status).toBe(200);
    expect(p.json).toMatchObject({ answered: 2, right: 1, nextIndex: 2, finished: false });
    expect(p.json.quiz.questions.map((q) => q.id)).toEqual(quiz.questions.map((q) => q.id)); // same questions, same order, no answers
    expect(JSON.stringify(p.json.quiz)).not.toMatch(/answerIndex|explanation/);
    expect((await unfinishedIds()).find((u) => u.id === quiz.id)).toMatchObject({ answered: 2, total: 5 });

    const ended = await endRoute(post(`/api/v1/quiz/${quiz.id}/end`, {}), params(quiz.id));
    expect(await ended.json()).toEqual({ id: quiz.id, ended: true });
    expect((await unfinishedIds()).some((u) => u.id === quiz.id)).toBe(false);
    expect((await progress(quiz.id)).json.finished).toBe(true);
    expect((await (await endRoute(post(`/api/v1/quiz/${quiz.id}/end`, {}), params(quiz.id))).json()).ended).toBe(false);
  });

  it("404 for an unknown quiz; 400 for a body on end", async () => {
    expect((await progress("nope-nope-nope-no")).status).toBe(404);
    expect((await endRoute(post(`/api/v1/quiz/nope-nope-nope-no/end`, {}), params("nope-nope-nope-no"))).status).toBe(404);
    const quiz = (await create({ deck: DECK, topic: "takeaways", length: 5, seed: 78 })).json;
    expect((await endRoute(post(`/api/v1/quiz/${quiz.id}/end`, { x: 1 }), params(quiz.id))).status).toBe(400);
  });
});
