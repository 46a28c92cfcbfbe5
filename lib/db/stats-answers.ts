/**
 * SQL for lib/stats: the answers of the last few study days, each handed to
 * an AnswerTally (lib/stats/answer-tally.ts), which groups them by study day,
 * source, the card's state before the answer, rating and maturity, and finds
 * each card's first answer of a day for true retention.
 *
 * Cost (100k cards, 1M logs, ~40k answers in 30 days): one index-only range
 * on ReviewLog_reviewedAt_covering_idx (reviewedAt, cardId, state, rating,
 * source, scheduled_days, durationMs; the id comes with every index entry);
 * before, two grouped queries each sorted these answers (the second one also
 * probed each repeated card's answers).
 */
import { AnswerTally } from "../stats/answer-tally";
import type { AnswerGroup, RepeatGroup } from "../stats/types";
import { feed } from "./stats-feed";
import { deckFilter, type DayClock, type Db, type DeckLogFilter } from "./stats-queries";
import { studyDayIndexAt } from "../stats/tz-offsets";

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

export function answerFigures(client: Db, q: AnswerQuery): { groups: AnswerGroup[]; repeats: RepeatGroup[] } {
  const deck = deckFilter("r", q.filter);
  const table = { timeZone: "", changes: q.clock.changes, offsets: q.clock.offsets };
  const dayIndex = (t: number) => studyDayIndexAt(table, q.clock.startHour, t);
  const tally = new AnswerTally({ dayIndex, matureDays: q.matureDays, firstDay: dayIndex(q.from) });
  feed(
    client,
    "cardinal_answer_tally",
    8,
    tally.add.bind(tally),
    `SELECT cardinal_answer_tally(r.reviewedAt, r.id, r.cardId, r.state, r.rating, r.source, r.scheduled_days, r.durationMs) AS n
       FROM "ReviewLog" r
      WHERE r.reviewedAt >= ? AND r.reviewedAt <= ?${deck.sql}`,
    q.from,
    q.now,
    ...deck.params,
  );
  return { groups: tally.answerGroups(), repeats: tally.repeatGroups() };
}
