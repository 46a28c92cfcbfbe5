// Rows for rescheduling: the live cards that have answers, with their answers
// in order; writing FSRS fields back; RescheduleBatch rows for undo.
import type { FsrsFields } from "../srs";
import type { RawCard } from "./card-rows";
import { stmt } from "./sqlite";

export interface CardWithAnswers {
  id: number;
  deckId: number;
  fields: FsrsFields;
  updatedAt: number;
  answers: { rating: number; reviewedAt: Date }[];
}

type CardRaw = Pick<
  RawCard,
  "id" | "updatedAt" | "due" | "stability" | "difficulty" | "elapsed_days" | "scheduled_days" | "learning_steps" | "reps" | "lapses" | "state" | "last_review"
> & {
  deckId?: number;
};

export const fieldsOf = (r: CardRaw): FsrsFields => ({
  due: new Date(r.due),
  stability: r.stability,
  difficulty: r.difficulty,
  elapsed_days: r.elapsed_days,
  scheduled_days: r.scheduled_days,
  learning_steps: r.learning_steps,
  reps: r.reps,
  lapses: r.lapses,
  state: r.state as FsrsFields["state"],
  last_review: r.last_review === null ? null : new Date(r.last_review),
});

/** Live (not retired, suspended or leech) cards with at least one answer. */
export function reviewedLiveCards(): CardWithAnswers[] {
  const cards = stmt(
    `SELECT id, deckId, updatedAt, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review
       FROM Card WHERE retired = 0 AND suspended = 0 AND leech = 0 AND state != 0 ORDER BY id`,
  ).all() as CardRaw[];
  const byCard = new Map<number, CardWithAnswers>(
    cards.map((c) => [c.id, { id: c.id, deckId: c.deckId!, fields: fieldsOf(c), updatedAt: c.updatedAt, answers: [] }]),
  );
  const logs = stmt(`SELECT cardId, rating, reviewedAt FROM ReviewLog ORDER BY cardId, reviewedAt, id`).raw().all() as [number, number, number][];
  for (const [cardId, rating, reviewedAt] of logs) byCard.get(cardId)?.answers.push({ rating, reviewedAt: new Date(reviewedAt) });
  return [...byCard.values()].filter((c) => c.answers.length > 0);
}

export function currentFields(id: number): FsrsFields | null {
  const r = stmt(
    `SELECT id, updatedAt, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review FROM Card WHERE id = ?`,
  ).get(id) as CardRaw | undefined;
  return r ? fieldsOf(r) : null;
}

/** `updatedAt` is the time written: now, or the row's old one when undoing (so undoing that answer works again). */
export function writeFields(id: number, f: FsrsFields, updatedAt: number): void {
  stmt(
    `UPDATE Card SET due = ?, stability = ?, difficulty = ?, elapsed_days = ?, scheduled_days = ?, learning_steps = ?, reps = ?, lapses = ?,
       state = ?, last_review = ?, updatedAt = ? WHERE id = ?`,
  ).run(
    f.due.getTime(),
    f.stability,
    f.difficulty,
    f.elapsed_days,
    f.scheduled_days,
    f.learning_steps,
    f.reps,
    f.lapses,
    f.state,
    f.last_review?.getTime() ?? null,
    updatedAt,
    id,
  );
}

export interface BatchCard {
  id: number;
  /** The row's updatedAt before the run. */
  updatedAt: number;
  before: FsrsFields;
  after: FsrsFields;
}

const toJson = (f: FsrsFields) => ({ ...f, due: f.due.getTime(), last_review: f.last_review?.getTime() ?? null });
const fromJson = (j: ReturnType<typeof toJson>): FsrsFields => ({
  ...j,
  due: new Date(j.due),
  last_review: j.last_review === null ? null : new Date(j.last_review),
});

export function insertBatch(cards: readonly BatchCard[], now: Date): number {
  const json = JSON.stringify(cards.map((c) => ({ id: c.id, updatedAt: c.updatedAt, before: toJson(c.before), after: toJson(c.after) })));
  return Number(stmt(`INSERT INTO RescheduleBatch (createdAt, cards, count) VALUES (?, ?, ?)`).run(now.getTime(), json, cards.length).lastInsertRowid);
}

export interface BatchRow {
  id: number;
  createdAt: Date;
  count: number;
  undoneAt: Date | null;
  cards: BatchCard[];
}

export function getBatch(id: number): BatchRow | null {
  const r = stmt(`SELECT * FROM RescheduleBatch WHERE id = ?`).get(id) as
    | { id: number; createdAt: number; cards: string; count: number; undoneAt: number | null }
    | undefined;
  if (!r) return null;
  const cards = (JSON.parse(r.cards) as { id: number; updatedAt: number; before: ReturnType<typeof toJson>; after: ReturnType<typeof toJson> }[]).map((c) => ({
    id: c.id,
    updatedAt: c.updatedAt,
    before: fromJson(c.before),
    after: fromJson(c.after),
  }));
  return { id: r.id, createdAt: new Date(r.createdAt), count: r.count, undoneAt: r.undoneAt === null ? null : new Date(r.undoneAt), cards };
}

export function latestBatch(): Omit<BatchRow, "cards"> | null {
  const r = stmt(`SELECT id, createdAt, count, undoneAt FROM RescheduleBatch ORDER BY id DESC LIMIT 1`).get() as
    | { id: number; createdAt: number; count: number; undoneAt: number | null }
    | undefined;
  return r ? { id: r.id, createdAt: new Date(r.createdAt), count: r.count, undoneAt: r.undoneAt === null ? null : new Date(r.undoneAt) } : null;
}

export function markUndone(id: number, now: Date): void {
  stmt(`UPDATE RescheduleBatch SET undoneAt = ? WHERE id = ?`).run(now.getTime(), id);
}
