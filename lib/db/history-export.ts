// The review history as CSV, in two layouts:
//  - fsrs: `card_id,review_time,review_rating,review_state,review_duration`, what
//    fsrs-rs and @open-spaced-repetition/binding read (time and duration in ms;
//    state before the review: 0 New, 1 Learning, 2 Review, 3 Relearning);
//  - anki: Anki's revlog table columns `id,cid,usn,ease,ivl,lastIvl,factor,time,type`
//    (ivl in days, or negative seconds for a learning step; type 0 learn,
//    1 review, 2 relearn; factor 0: Cardinal has no ease factor).
// Ordered by card, then time, then id, so the same history always gives the same bytes.
import { sqlite } from "./sqlite";

export type HistoryFormat = "fsrs" | "anki";

export const HISTORY_HEADERS: Record<HistoryFormat, string> = {
  fsrs: "card_id,review_time,review_rating,review_state,review_duration",
  anki: "id,cid,usn,ease,ivl,lastIvl,factor,time,type",
};

export function historyCsv(format: HistoryFormat): string {
  const db = sqlite();
  const lines: string[] = [HISTORY_HEADERS[format]];
  if (format === "fsrs") {
    for (const r of db
      .prepare(`SELECT cardId, reviewedAt, rating, state, durationMs FROM ReviewLog ORDER BY cardId, reviewedAt, id`)
      .raw()
      .iterate() as Iterable<number[]>) {
      lines.push(r.join(","));
    }
  } else {
    // What an answer left (its interval) is the card as the next answer found it
    // (that answer's snapshot), or the card as it is now after the last one.
    const rows = db
      .prepare(
        `SELECT l.reviewedAt, l.cardId, l.rating, l.state, l.durationMs, l.scheduled_days AS lastIvl,
                coalesce(json_extract(lead(l.snapshot) OVER w, '$.card.due'), c.due) AS nextDue,
                coalesce(json_extract(lead(l.snapshot) OVER w, '$.card.scheduled_days'), c.scheduled_days) AS nextIvl
           FROM ReviewLog l JOIN Card c ON c.id = l.cardId
         WINDOW w AS (PARTITION BY l.cardId ORDER BY l.reviewedAt, l.id)
          ORDER BY l.cardId, l.reviewedAt, l.id`,
      )
      .iterate() as Iterable<{
      reviewedAt: number;
      cardId: number;
      rating: number;
      state: number;
      durationMs: number;
      lastIvl: number;
      nextDue: number;
      nextIvl: number;
    }>;
    for (const r of rows) {
      const ivl = r.nextIvl > 0 ? r.nextIvl : -Math.max(1, Math.round((r.nextDue - r.reviewedAt) / 1000));
      const type = r.state === 2 ? 1 : r.state === 3 ? 2 : 0;
      lines.push([r.reviewedAt, r.cardId, -1, r.rating, ivl, r.lastIvl, 0, r.durationMs, type].join(","));
    }
  }
  return `${lines.join("\n")}\n`;
}
