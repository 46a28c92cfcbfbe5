/**
 * SQL for lib/stats: the answers of the last few study days, grouped by study
 * day, source, the card's state before the answer, rating, and whether the
 * interval before the answer was mature — plus, for true retention, the
 * review-screen answers to Review-state cards that were NOT the card's first
 * answer of that study day (lib/stats/answers.ts subtracts them).
 *
 * Cost (100k cards, 1M logs, ~40k answers in 30 days): index-only on
 * ReviewLog_reviewedAt_covering_idx (reviewedAt, cardId, state, rating,
 * source, scheduled_days, durationMs); the small keys are packed into one
 * integer so the sort behind GROUP BY compares a number, then the source.
 * "Not first of the day" is looked for only among (card, day) pairs with two
 * or more answers — a GROUP BY, not a window over every answer or one probe
 * per answer (each 4–5× slower here).
 */
import type { AnswerGroup, RepeatGroup } from "../stats/types";
import { deckFilter, jsonRows, studyDaySql, type DayClock, type Db, type DeckLogFilter } from "./stats-queries";

export type { AnswerGroup, RepeatGroup };

export interface AnswerQuery {
  filter: DeckLogFilter;
  /** A study-day start: the first day's answers are all inside. */
  from: number;
  now: number;
  /** Valid for [from, now]. */
  clock: DayClock;
  matureDays: number;
}

const M = 65536;
const OFF = 32768;

export async function answerGroups(client: Db, q: AnswerQuery): Promise<AnswerGroup[]> {
  const deck = deckFilter("r", q.filter);
  const day = studyDaySql("r.reviewedAt", q.clock);
  // k = ((day·2 + mature)·65536 + state + 32768)·65536 + rating + 32768: exact for |day| < 2^20.
  const rows = await jsonRows<[number, string, number, number]>(
    client,
    `SELECT json_group_array(json_array(k, source, n, ms)) AS j FROM (
       SELECT (((${day}) * 2 + (r.scheduled_days >= ?)) * ${M} + (r.state + ${OFF})) * ${M} + (r.rating + ${OFF}) AS k,
              r.source AS source, count(*) AS n, total(r.durationMs) AS ms
         FROM "ReviewLog" r
        WHERE r.reviewedAt >= ? AND r.reviewedAt <= ?${deck.sql}
        GROUP BY k, source)`,
    q.matureDays,
    q.from,
    q.now,
    ...deck.params,
  );
  return rows.map(([k, source, count, durationMs]) => {
    const rating = (k % M) - OFF;
    const state = (Math.floor(k / M) % M) - OFF;
    const dm = Math.floor(k / M / M);
    return { day: Math.floor(dm / 2), source, state, rating, mature: dm % 2 === 1, count, durationMs };
  });
}

export async function repeatGroups(client: Db, q: AnswerQuery): Promise<RepeatGroup[]> {
  const deck = deckFilter("r", q.filter);
  const day = (alias: string) => studyDaySql(`${alias}.reviewedAt`, q.clock);
  const rows = await jsonRows<[number, number, number, number]>(
    client,
    `WITH multi AS MATERIALIZED (
       SELECT r.cardId AS cardId, ${day("r")} AS d
         FROM "ReviewLog" r
        WHERE r.reviewedAt >= ? AND r.reviewedAt <= ?${deck.sql}
        GROUP BY 1, 2 HAVING count(*) > 1)
     SELECT json_group_array(json_array(d, rating, mature, n)) AS j FROM (
       SELECT m.d AS d, r.rating AS rating, r.scheduled_days >= ? AS mature, count(*) AS n
         FROM multi m CROSS JOIN "ReviewLog" r ON r.cardId = m.cardId AND r.reviewedAt >= ? AND r.reviewedAt <= ?
        WHERE ${day("r")} = m.d AND r.source = 'review' AND r.state = 2
          AND EXISTS (SELECT 1 FROM "ReviewLog" p
                       WHERE p.cardId = r.cardId AND p.reviewedAt >= ? AND p.reviewedAt <= r.reviewedAt AND p.id <> r.id
                         AND (p.reviewedAt < r.reviewedAt OR p.id < r.id) AND ${day("p")} = m.d)
        GROUP BY 1, 2, 3)`,
    q.from,
    q.now,
    ...deck.params,
    q.matureDays,
    q.from,
    q.now,
    q.from,
  );
  return rows.map(([d, rating, mature, count]) => ({ day: d, rating, mature: mature === 1, count }));
}
