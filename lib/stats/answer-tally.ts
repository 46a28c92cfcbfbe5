/**
 * Pure: the answers of the last study days in ONE pass (lib/db/stats-answers.ts
 * feeds each answer to `add` through a SQLite aggregate function), grouped as
 * ./answers.ts reads them:
 * - groups: by study day, source, the card's state before the answer, rating,
 *   and whether the interval before the answer was mature (scheduled_days ≥
 *   matureDays, Anki's lastIvl) — count and time;
 * - repeats: review-screen answers to Review-state cards that were NOT the
 *   card's first answer of that study day (first = earliest reviewedAt, then
 *   lowest id, among all of the card's answers that day, any source), which
 *   true retention leaves out.
 * The result does not depend on the order in which answers are added.
 */
import type { AnswerGroup, RepeatGroup } from "./types";

export interface AnswerTallyContext {
  /** Study-day index of an instant. */
  dayIndex: (t: number) => number;
  matureDays: number;
  /** The first study day of the period (any day works; keys stay small near it). */
  firstDay: number;
}

type Group = { day: number; state: number; rating: number; mature: boolean; count: number; durationMs: number };
type First = { at: number; id: number; day: number; rating: number; mature: boolean; scheduled: boolean };

/**
 * Map keys are small integers (V8 keeps them unboxed; a key up to 2^53 made
 * every lookup several times slower): days count from `firstDay`, and a key
 * outside the small range falls back to a string.
 */
export class AnswerTally {
  /** source → (day, mature, state, rating) → group. */
  private readonly groups = new Map<string, Map<number | string, Group>>();
  /** (card, day) → that card's first answer of the day. */
  private readonly firsts = new Map<number | string, First>();

  constructor(private readonly c: AnswerTallyContext) {}

  add(reviewedAt: number, id: number, cardId: number, state: number, rating: number, source: string, scheduledDays: number, durationMs: number): void {
    const day = this.c.dayIndex(reviewedAt);
    const mature = scheduledDays >= this.c.matureDays;
    const d = day - this.c.firstDay;
    let bySource = this.groups.get(source);
    if (bySource === undefined) {
      bySource = new Map();
      this.groups.set(source, bySource);
    }
    const small = d >= 0 && d < 1024 && state >= 0 && state < 16 && rating >= 0 && rating < 16;
    const key = small ? (((d << 1) | (mature ? 1 : 0)) << 8) | (state << 4) | rating : `${day} ${mature} ${state} ${rating}`;
    const g = bySource.get(key);
    if (g === undefined) bySource.set(key, { day, state, rating, mature, count: 1, durationMs });
    else {
      g.count++;
      g.durationMs += durationMs;
    }
    const scheduled = source === "review" && state === 2;
    const cardDay = d >= 0 && d < 64 && cardId >= 0 && cardId < 2 ** 24 ? cardId * 64 + d : `${cardId} ${day}`;
    const f = this.firsts.get(cardDay);
    if (f === undefined) this.firsts.set(cardDay, { at: reviewedAt, id, day, rating, mature, scheduled });
    else if (reviewedAt < f.at || (reviewedAt === f.at && id < f.id)) {
      f.at = reviewedAt;
      f.id = id;
      f.rating = rating;
      f.mature = mature;
      f.scheduled = scheduled;
    }
  }

  answerGroups(): AnswerGroup[] {
    const out: AnswerGroup[] = [];
    for (const [source, bySource] of this.groups) for (const g of bySource.values()) out.push({ source, ...g });
    return out;
  }

  /** Scheduled reviews (review screen, Review state) minus those that were first of their card's day, by day, rating and maturity. */
  repeatGroups(): RepeatGroup[] {
    const rows = new Map<string, RepeatGroup>();
    const bump = (day: number, rating: number, mature: boolean, n: number) => {
      const k = `${day} ${rating} ${mature ? 1 : 0}`;
      const r = rows.get(k);
      if (r === undefined) rows.set(k, { day, rating, mature, count: n });
      else r.count += n;
    };
    for (const g of this.groups.get("review")?.values() ?? []) if (g.state === 2) bump(g.day, g.rating, g.mature, g.count);
    for (const f of this.firsts.values()) if (f.scheduled) bump(f.day, f.rating, f.mature, -1);
    return [...rows.values()].filter((r) => r.count > 0);
  }
}
