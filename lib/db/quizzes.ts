// Quiz rows: the pool a quiz is built from, the quiz and its questions, and
// the recorded answers (lib/services/quiz.ts runs these in its transactions).
import type { QuestionType, Topic, TopicFilter } from "../quiz";
import { stmt } from "./sqlite";

export type PoolRow = { cardId: number; kind: string; payload: string; noteKey: string; noteKind: string; topic: string; fields: string };
export type TermRow = { noteKey: string; fields: string; sourceQuote: string; sourceLine: number | null; payload: string | null };

/** Live, unsuspended cards of a deck whose payload format is one of `formats`, with their notes, by id. */
export function poolRows(deckId: number, topic: TopicFilter, formats: readonly string[]): PoolRow[] {
  const inList = formats.map((f) => `'${f.replace(/'/g, "''")}'`).join(", ");
  return stmt(
    `SELECT c.id AS cardId, c.kind AS kind, c.payload AS payload, n.key AS noteKey, n.kind AS noteKind, n.topic AS topic, n.fields AS fields
       FROM Card c JOIN Note n ON n.id = c.noteId
      WHERE c.deckId = ? AND c.retired = 0 AND c.suspended = 0 AND n.retired = 0
        AND json_extract(c.payload, '$.format') IN (${inList})
        AND (? = 'all' OR n.topic = ?)
      ORDER BY c.id`,
  ).all(deckId, topic, topic) as PoolRow[];
}

/** The deck's live term notes, each with the payload of its first live card. */
export function termRows(deckId: number): TermRow[] {
  return stmt(
    `SELECT n.key AS noteKey, n.fields AS fields, n.sourceQuote AS sourceQuote, n.sourceLine AS sourceLine,
            (SELECT c.payload FROM Card c WHERE c.noteId = n.id AND c.retired = 0 ORDER BY c.id LIMIT 1) AS payload
       FROM Note n
      WHERE n.deckId = ? AND n.kind = 'term' AND n.retired = 0
      ORDER BY n.key`,
  ).all(deckId) as TermRow[];
}

export type NewQuiz = { id: string; deckId: number; topic: TopicFilter; length: number; seed: number; createdAt: Date; finishedAt: Date | null };
export type NewQuestion = { questionId: string; cardId: number | null; type: QuestionType; topic: Topic; presented: string; answerKey: string };

export function insertQuiz(q: NewQuiz, questions: readonly NewQuestion[]): void {
  stmt(`INSERT INTO Quiz (id, deckId, topic, length, seed, createdAt, finishedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    q.id,
    q.deckId,
    q.topic,
    q.length,
    q.seed,
    q.createdAt.getTime(),
    q.finishedAt?.getTime() ?? null,
  );
  const insert = stmt(`INSERT INTO QuizQuestion (quizId, position, questionId, cardId, type, topic, presented, answerKey) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  questions.forEach((x, position) => {
    insert.run(q.id, position, x.questionId, x.cardId, x.type, x.topic, x.presented, x.answerKey);
  });
}

export type QuestionRow = {
  id: number;
  quizId: string;
  position: number;
  questionId: string;
  cardId: number | null;
  type: QuestionType;
  topic: Topic;
  presented: string;
  answerKey: string;
  given: string | null;
  correct: number | null;
  verdict: string | null;
  durationMs: number | null;
  rating: number | null;
  answeredAt: number | null;
};

export function quizExists(quizId: string): boolean {
  return stmt(`SELECT 1 FROM Quiz WHERE id = ?`).get(quizId) !== undefined;
}

export function findQuestion(quizId: string, questionId: string): QuestionRow | undefined {
  return stmt(`SELECT * FROM QuizQuestion WHERE quizId = ? AND questionId = ?`).get(quizId, questionId) as QuestionRow | undefined;
}

export type RecordedAnswer = { given: string; correct: boolean; verdict: string | null; durationMs: number; rating: number; answeredAt: Date };

export function recordAnswer(questionRowId: number, a: RecordedAnswer): void {
  stmt(`UPDATE QuizQuestion SET given = ?, correct = ?, verdict = ?, durationMs = ?, rating = ?, answeredAt = ? WHERE id = ?`).run(
    a.given,
    a.correct ? 1 : 0,
    a.verdict,
    Math.round(a.durationMs),
    a.rating,
    a.answeredAt.getTime(),
    questionRowId,
  );
}

/** "I was right": a Close answer counted right with the learner's rating. */
export function markCountedRight(questionRowId: number, rating: number): void {
  stmt(`UPDATE QuizQuestion SET correct = 1, rating = ? WHERE id = ?`).run(rating, questionRowId);
}

/** Marks the quiz finished when no question is left open; true when none is. */
export function finishIfComplete(quizId: string, now: Date): boolean {
  const open = stmt(`SELECT count(*) AS n FROM QuizQuestion WHERE quizId = ? AND answeredAt IS NULL`).get(quizId) as { n: number };
  if (open.n === 0) stmt(`UPDATE Quiz SET finishedAt = ? WHERE id = ? AND finishedAt IS NULL`).run(now.getTime(), quizId);
  return open.n === 0;
}

export type QuizHeader = { id: string; deck: string; topic: TopicFilter; length: number; seed: number; createdAt: number; finishedAt: number | null };

export function findQuizHeader(quizId: string): QuizHeader | undefined {
  return stmt(
    `SELECT q.id AS id, d.key AS deck, q.topic AS topic, q.length AS length, q.seed AS seed, q.createdAt AS createdAt, q.finishedAt AS finishedAt
       FROM Quiz q JOIN Deck d ON d.id = q.deckId WHERE q.id = ?`,
  ).get(quizId) as QuizHeader | undefined;
}

export function questionsOf(quizId: string): QuestionRow[] {
  return stmt(`SELECT * FROM QuizQuestion WHERE quizId = ? ORDER BY position`).all(quizId) as QuestionRow[];
}

export type UnfinishedQuizRow = { id: string; deck: string; deckTitle: string; topic: TopicFilter; answered: number; total: number; createdAt: number };

/** Quizzes not finished (or ended) that have at least one answer, newest first. */
export function unfinishedQuizRows(limit: number): UnfinishedQuizRow[] {
  return stmt(
    `SELECT q.id AS id, d.key AS deck, d.title AS deckTitle, q.topic AS topic, q.createdAt AS createdAt,
            (SELECT count(*) FROM QuizQuestion x WHERE x.quizId = q.id AND x.answeredAt IS NOT NULL) AS answered,
            (SELECT count(*) FROM QuizQuestion x WHERE x.quizId = q.id) AS total
       FROM Quiz q JOIN Deck d ON d.id = q.deckId
      WHERE q.finishedAt IS NULL AND EXISTS (SELECT 1 FROM QuizQuestion x WHERE x.quizId = q.id AND x.answeredAt IS NOT NULL)
      ORDER BY q.createdAt DESC, q.id LIMIT ?`,
  ).all(limit) as UnfinishedQuizRow[];
}

/** Sets finishedAt if not yet set; false when the quiz was already finished. */
export function markQuizFinished(quizId: string, now: Date): boolean {
  return stmt(`UPDATE Quiz SET finishedAt = ? WHERE id = ? AND finishedAt IS NULL`).run(now.getTime(), quizId).changes === 1;
}

/** The quiz a question row belongs to. */
export function quizIdOfQuestion(questionRowId: number): string | null {
  return (stmt(`SELECT quizId FROM QuizQuestion WHERE id = ?`).get(questionRowId) as { quizId: string } | undefined)?.quizId ?? null;
}
