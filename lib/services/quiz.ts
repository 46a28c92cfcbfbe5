// Quizzes: creating one from a deck's live cards, answering its questions (each
// answer is also a review of the card, source "quiz") and summarising it.
// One synchronous write transaction per answer, so that the answer and its
// review are one (answerCard nests as a savepoint). SQL: lib/db/quizzes.ts.
import { randomBytes, randomInt } from "node:crypto";
import {
  answerFitError,
  answerShapeError,
  buildQuiz,
  cardToQuestions,
  describeAnswer,
  gradeQuizAnswer,
  matchQuestionFromId,
  matchQuestions,
  MAX_SEED,
  quizRating,
  termFields,
  toSource,
} from "../quiz";
import type { AnswerKey, PoolTerm, PresentedQuestion, QuestionType, QuizQuestion, QuizSource, Topic, TopicFilter } from "../quiz";
import type { Verdict } from "../grade";
import { answerCard, overrideReview, type AnswerResult } from "./review";
import { quoted, recordStudyAction, type UndoTarget } from "./study-actions";
import { captureRows, captureUpdates, insertedRow, type RowChange } from "../db/actions";
import { reviewLogIdOf } from "../db/cards";
import { ratingLabel } from "../srs/ratings";
import { inWriteTransaction } from "../db/sqlite";
import {
  finishIfComplete,
  findQuestion,
  findQuizHeader,
  insertQuiz,
  markCountedRight,
  markQuizFinished,
  poolRows,
  questionsOf,
  quizExists,
  recordAnswer,
  termRows,
  unfinishedQuizRows,
} from "../db/quizzes";
import { findDeckByKey } from "../db/decks";
import { deckNotFound, notFound, type Failure } from "./outcomes";

/** Card formats the quiz can grade; flip cards are self-graded and stay in review. */
const QUIZ_FORMATS = ["multiple-choice", "true-false", "cloze", "typed", "order"] as const;

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/**
 * The deck's questions for a topic: one per live, unsuspended card in a quiz
 * format (with its alternate formats, see cardToQuestions). Suspended cards stay out: the learner asked not to see them.
 */
export function cardQuestions(deckId: number, topic: TopicFilter): QuizQuestion[] {
  return poolRows(deckId, topic, QUIZ_FORMATS).flatMap((r) =>
    cardToQuestions({
      cardId: r.cardId,
      kind: r.kind,
      topic: r.topic,
      noteKey: r.noteKey,
      noteKind: r.noteKind,
      payload: parse(r.payload),
      fields: parse(r.fields),
    }),
  );
}

/** The deck's live vocabulary terms, for match questions. */
export function deckTerms(deckId: number, fallbackFile: string): PoolTerm[] {
  return termRows(deckId).flatMap((r) => {
    const t = termFields("term", parse(r.fields));
    if (!t) return [];
    const cardSource = toSource((parse(r.payload) as { source?: unknown } | null)?.source);
    return [{ noteKey: r.noteKey, ...t, source: { file: cardSource.file || fallbackFile, line: r.sourceLine, quote: r.sourceQuote } }];
  });
}

export type CreateQuizInput = {
  deck: string;
  topic: TopicFilter;
  /** Questions asked for; with questionIds it only caps their number. */
  length?: number;
  seed?: number;
  /** Retry: exactly these questions (those still available), e.g. the missed ones of a quiz. */
  questionIds?: string[];
};

export type CreatedQuiz = {
  id: string;
  deck: string;
  topic: TopicFilter;
  length: number;
  seed: number;
  shortBy: number;
  notice?: string;
  questions: PresentedQuestion[];
};

export type CreateQuizResult = { ok: true; quiz: CreatedQuiz } | Failure;

/** What a quiz shorter than asked tells the learner: the topic's questions give each other's answers away. */
export function shortNotice(n: number, maximal: boolean): string {
  const count = `${n} question${n === 1 ? "" : "s"}`;
  if (n === 0) return "this topic has no questions to ask";
  return maximal ? `${count}: this topic has only ${n} that don't give each other away` : `${count}: no more were found that don't give each other away`;
}

const newQuizId = () => randomBytes(12).toString("base64url");

export function createQuiz(input: CreateQuizInput, now: Date): CreateQuizResult {
  const deck = findDeckByKey(input.deck);
  if (!deck) return deckNotFound(input.deck);
  const seed = input.seed ?? randomInt(0, MAX_SEED);
  const { topic } = input;

  let pool = cardQuestions(deck.id, topic);
  const withMatches = topic === "vocabulary" || topic === "all";
  const terms = withMatches ? deckTerms(deck.id, deck.sourceFile) : [];
  let length: number;
  if (input.questionIds) {
    const wanted = [...new Set(input.questionIds)];
    const ids = new Set(wanted);
    const rebuilt = wanted.flatMap((id) => {
      const m = withMatches ? matchQuestionFromId(id, terms) : null;
      return m ? [m] : [];
    });
    pool = [...pool.filter((q) => ids.has(q.id)), ...rebuilt];
    length = Math.min(wanted.length, input.length ?? wanted.length);
  } else {
    if (withMatches) pool = [...pool, ...matchQuestions(terms, seed)];
    length = input.length ?? 10;
  }

  const built = buildQuiz({ pool, topic, length, seed });
  const id = newQuizId();
  const questions = built.questions.map((q) => {
    const key = built.answerKey[q.id]!;
    return { questionId: q.id, cardId: key.cardId, type: q.type, topic: q.topic, presented: JSON.stringify(q), answerKey: JSON.stringify(key) };
  });
  // A quiz with no questions is finished as it starts.
  const finishedAt = built.questions.length === 0 ? now : null;
  inWriteTransaction(() => insertQuiz({ id, deckId: deck.id, topic, length, seed, createdAt: now, finishedAt }, questions));

  const n = built.questions.length;
  const notice =
    n >= length
      ? undefined
      : input.questionIds
        ? `only ${n} of the ${length} questions ${n === 1 ? "is" : "are"} still available`
        : shortNotice(n, built.maximal);
  return {
    ok: true,
    quiz: { id, deck: deck.key, topic, length, seed, shortBy: length - n, ...(notice ? { notice } : {}), questions: built.questions },
  };
}

/** `sessionId`: the study session whose undo stack the answer goes on (as the review page's). */
export type AnswerQuizInput = { quizId: string; questionId: string; answer: unknown; durationMs: number; sessionId: string };

export type QuizFeedback = {
  questionId: string;
  correct: boolean;
  verdict?: Verdict;
  /** The learner counted this Close answer right ("I was right"). */
  overridden?: boolean;
  correctAnswer: string | string[];
  given: string | string[];
  /** Order: items in the right place; match: pairs right. */
  score?: { right: number; total: number };
  /** Match only: the right pairs (term → definition), to mark each row. */
  pairs?: { left: string; right: string }[];
  explanation: string;
  source: QuizSource;
  rating: 1 | 2 | 3 | 4;
  /**
   * The reviewed card after this answer (absent for match questions and
   * retired cards): `effect` says what the answer did (lib/srs/quiz-practice.ts),
   * `availableAt` when the review page shows it next (its due date, or the end
   * of a burial when a card of the same note was studied today).
   */
  card?: { id: number; due: string; state: number; effect: "introduced" | "scheduled" | "due-now" | "unchanged"; availableAt: string };
  finished: boolean;
  /** What undo (U) undoes now in the session: this answer, once recorded. */
  undo?: UndoTarget | null;
};

export type AnswerQuizResult = { ok: true; feedback: QuizFeedback } | Failure;

/** The card as a quiz answer left it, for the feedback. */
function reviewedCard(r: Extract<AnswerResult, { ok: true }>): NonNullable<QuizFeedback["card"]> {
  const available = Math.max(r.card.due.getTime(), r.card.buriedUntil?.getTime() ?? 0);
  return { id: r.card.id, due: r.card.due.toISOString(), state: r.card.state, effect: r.effect, availableAt: new Date(available).toISOString() };
}

/** A question's prompt as actions name it. */
function questionName(presented: string): string {
  const p = (parse(presented) as { prompt?: unknown } | null)?.prompt;
  return quoted(typeof p === "string" && p.trim() !== "" ? p : "a quiz question");
}

class Rollback extends Error {
  constructor(readonly result: Extract<AnswerQuizResult, { ok: false }>) {
    super(result.error);
  }
}

/**
 * Grades one answer and records it: the QuizQuestion result and, when the
 * question has a card, a review of that card (source "quiz", reviewId
 * `quiz:<quizId>:<questionId>`) — in one transaction. A question is answered
 * once: a second answer is refused with 409 and changes nothing.
 */
export function answerQuizQuestion(input: AnswerQuizInput, now: Date): AnswerQuizResult {
  const run = (): AnswerQuizResult => {
    if (!quizExists(input.quizId)) return { ok: false, kind: "not-found", error: `quiz ${input.quizId} not found` };
    const row = findQuestion(input.quizId, input.questionId);
    if (!row) return { ok: false, kind: "not-found", error: `question ${input.questionId} is not in quiz ${input.quizId}` };
    if (row.answeredAt !== null) return { ok: false, kind: "conflict", error: `question ${input.questionId} was already answered` };

    const key = JSON.parse(row.answerKey) as AnswerKey;
    const shape = answerShapeError(key.type, input.answer) ?? answerFitError(key, input.answer);
    if (shape) return { ok: false, kind: "invalid", error: `invalid answer: ${shape}` };

    const grade = gradeQuizAnswer(key, input.answer);
    const rating = quizRating({ correct: grade.correct, durationMs: input.durationMs, type: key.type });
    // Every row the answer writes is captured, so undo restores the question (unanswered again), the card,
    // the quiz's finishedAt and removes the review log — exactly (decision 0060).
    const changes: RowChange[] = captureUpdates("QuizQuestion", [row.id], () =>
      recordAnswer(row.id, {
        given: JSON.stringify(input.answer),
        correct: grade.correct,
        verdict: grade.verdict ?? null,
        durationMs: input.durationMs,
        rating,
        answeredAt: now,
      }),
    );

    let card: QuizFeedback["card"];
    if (row.cardId !== null) {
      const reviewId = `quiz:${input.quizId}:${input.questionId}`;
      const cardId = row.cardId;
      changes.push(
        ...captureUpdates("Card", [cardId], () => {
          const r = answerCard({ cardId, rating, durationMs: input.durationMs, reviewId, source: "quiz" }, now);
          if (r.ok) card = reviewedCard(r);
          // A card retired since the quiz began has nothing to schedule; the quiz still counts the answer.
          else if (r.kind !== "not-found") throw new Rollback({ ok: false, kind: r.kind, error: r.error });
        }),
      );
      const logId = reviewLogIdOf(reviewId);
      if (logId !== null) changes.push(insertedRow("ReviewLog", logId, ["cardId", "reviewId"]));
    }

    let finished = false;
    changes.push(...captureUpdates("Quiz", [input.quizId], () => (finished = finishIfComplete(input.quizId, now))));
    const undo = recordStudyAction(
      {
        sessionId: input.sessionId,
        kind: "quiz-answer",
        label: `quiz answer (${grade.correct ? "right" : "wrong"}, ${ratingLabel(rating)}) on ${questionName(row.presented)}`,
        cardId: row.cardId,
        changes,
      },
      now,
    );

    return {
      ok: true,
      feedback: {
        questionId: input.questionId,
        correct: grade.correct,
        ...(grade.verdict ? { verdict: grade.verdict } : {}),
        correctAnswer: grade.correctAnswer,
        given: describeAnswer(key, input.answer),
        ...(grade.score ? { score: grade.score } : {}),
        ...(key.type === "match" ? { pairs: key.pairs } : {}),
        explanation: key.explanation,
        source: key.source,
        rating,
        ...(card ? { card } : {}),
        finished,
        undo,
      },
    };
  };
  try {
    return inWriteTransaction(run);
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    throw e;
  }
}

/**
 * "I was right": the learner counts a Close cloze answer right. The question
 * becomes correct with the rating a right answer of that speed earns, and the
 * card's review is replaced by one with that rating, flagged as an override.
 * Only a Close answer can be overridden, once.
 */
export function overrideQuizAnswer(input: { quizId: string; questionId: string; sessionId: string }, now: Date): AnswerQuizResult {
  const run = (): AnswerQuizResult => {
    const row = findQuestion(input.quizId, input.questionId);
    if (!row) return { ok: false, kind: "not-found", error: `question ${input.questionId} is not in quiz ${input.quizId}` };
    if (row.answeredAt === null) return { ok: false, kind: "conflict", error: `question ${input.questionId} has not been answered yet` };
    if (row.verdict !== "close" || row.correct !== 0) return { ok: false, kind: "conflict", error: "only a Close answer can be counted right, once" };
    const key = JSON.parse(row.answerKey) as AnswerKey;
    const rating = quizRating({ correct: true, durationMs: row.durationMs ?? 0, type: key.type });
    const changes: RowChange[] = captureUpdates("QuizQuestion", [row.id], () => markCountedRight(row.id, rating));
    let card: QuizFeedback["card"];
    if (row.cardId !== null) {
      const reviewId = `quiz:${input.quizId}:${input.questionId}`;
      const cardId = row.cardId;
      // The override replaces the answer's review log (same reviewId): undo puts the old one back.
      let logChanges: RowChange[] = [];
      changes.push(
        ...captureUpdates("Card", [cardId], () => {
          logChanges = captureRows(
            "ReviewLog",
            "reviewId",
            [reviewId],
            () => {
              const r = overrideReview(reviewId, rating, now);
              if (r.ok) card = reviewedCard(r);
              else if (r.kind !== "not-found") throw new Rollback({ ok: false, kind: r.kind, error: r.error });
            },
            { insertKeys: ["cardId"], unique: ["reviewId"] },
          );
        }),
      );
      changes.push(...logChanges);
    }
    let finished = false;
    changes.push(...captureUpdates("Quiz", [input.quizId], () => (finished = finishIfComplete(input.quizId, now))));
    const undo = recordStudyAction(
      { sessionId: input.sessionId, kind: "quiz-override", label: `“I was right” on ${questionName(row.presented)}`, cardId: row.cardId, changes },
      now,
    );
    const answer = parse(row.given);
    const grade = gradeQuizAnswer(key, answer);
    return {
      ok: true,
      feedback: {
        questionId: input.questionId,
        correct: true,
        verdict: "close",
        overridden: true,
        correctAnswer: grade.correctAnswer,
        given: describeAnswer(key, answer),
        explanation: key.explanation,
        source: key.source,
        rating,
        ...(card ? { card } : {}),
        finished,
        undo,
      },
    };
  };
  try {
    return inWriteTransaction(run);
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    throw e;
  }
}

export type QuizSummary = {
  id: string;
  deck: string;
  topic: TopicFilter;
  length: number;
  seed: number;
  createdAt: string;
  finishedAt: string | null;
  finished: boolean;
  score: { correct: number; total: number; answered: number };
  /** Time spent answering: the sum of the answers' durations. */
  timeMs: number;
  byTopic: Partial<Record<Topic, { correct: number; total: number }>>;
  missed: {
    questionId: string;
    type: QuestionType;
    topic: Topic;
    prompt: string;
    correctAnswer: string | string[];
    given: string | string[];
    explanation: string;
    source: QuizSource;
  }[];
};

export function quizSummary(quizId: string): QuizSummary | null {
  const quiz = findQuizHeader(quizId);
  if (!quiz) return null;
  const rows = questionsOf(quizId);

  const byTopic: QuizSummary["byTopic"] = {};
  const missed: QuizSummary["missed"] = [];
  let correct = 0;
  let answered = 0;
  let timeMs = 0;
  for (const r of rows) {
    const t = byTopic[r.topic] ?? { correct: 0, total: 0 };
    byTopic[r.topic] = t;
    t.total++;
    if (r.answeredAt === null) continue;
    answered++;
    timeMs += r.durationMs ?? 0;
    if (r.correct === 1) {
      correct++;
      t.correct++;
      continue;
    }
    const key = JSON.parse(r.answerKey) as AnswerKey;
    const presented = JSON.parse(r.presented) as PresentedQuestion;
    missed.push({
      questionId: r.questionId,
      type: r.type,
      topic: r.topic,
      prompt: presented.prompt,
      correctAnswer: gradeQuizAnswer(key, null).correctAnswer,
      given: describeAnswer(key, parse(r.given)),
      explanation: key.explanation,
      source: key.source,
    });
  }
  return {
    id: quiz.id,
    deck: quiz.deck,
    topic: quiz.topic,
    length: quiz.length,
    seed: quiz.seed,
    createdAt: new Date(quiz.createdAt).toISOString(),
    finishedAt: quiz.finishedAt === null ? null : new Date(quiz.finishedAt).toISOString(),
    finished: quiz.finishedAt !== null,
    score: { correct, total: rows.length, answered },
    timeMs,
    byTopic,
    missed,
  };
}

/** Where a quiz stands, to continue it after a reload or a return (state lives in the database). */
export type QuizProgress = {
  quiz: CreatedQuiz;
  /** Answered so far, and how many of them right. */
  answered: number;
  right: number;
  /** Position of the first unanswered question; questions.length when all are answered. */
  nextIndex: number;
  finished: boolean;
};

export function quizProgress(quizId: string): QuizProgress | null {
  const quiz = findQuizHeader(quizId);
  if (!quiz) return null;
  const rows = questionsOf(quizId);
  const nextIndex = rows.findIndex((r) => r.answeredAt === null);
  return {
    quiz: {
      id: quiz.id,
      deck: quiz.deck,
      topic: quiz.topic,
      length: quiz.length,
      seed: quiz.seed,
      shortBy: quiz.length - rows.length,
      questions: rows.map((r) => JSON.parse(r.presented) as PresentedQuestion),
    },
    answered: rows.filter((r) => r.answeredAt !== null).length,
    right: rows.filter((r) => r.correct === 1).length,
    nextIndex: nextIndex === -1 ? rows.length : nextIndex,
    finished: quiz.finishedAt !== null,
  };
}

export type UnfinishedQuiz = { id: string; deck: string; deckTitle: string; topic: TopicFilter; answered: number; total: number; createdAt: string };

/** Quizzes with at least one answer and neither finished nor ended, newest first (an untouched quiz is not worth resuming). */
export function unfinishedQuizzes(limit = 10): UnfinishedQuiz[] {
  return unfinishedQuizRows(limit).map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}

export type EndQuizResult = { ok: true; ended: boolean } | Failure;

/** Ends a quiz early: its unanswered questions stay unanswered (nothing is logged for them). */
export function endQuiz(quizId: string, now: Date): EndQuizResult {
  return inWriteTransaction((): EndQuizResult => {
    if (!quizExists(quizId)) return notFound(`quiz ${quizId} not found`);
    return { ok: true, ended: markQuizFinished(quizId, now) };
  });
}
