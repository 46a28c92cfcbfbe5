/**
 * What getStats returns. Definitions (all "as of `now`", all restricted to
 * one deck when a deck key is given):
 *
 * STUDY DAY — starts at Settings.dayStartHour (default 04:00) local time in
 * Settings.timezone (lib/srs/study-day.ts). All of history is bucketed with
 * the CURRENT zone and start hour: after a time-zone change, past reviews
 * move to the days they fall on in the new zone (Anki does the same with its
 * rollover hour). Days are labelled "YYYY-MM-DD".
 *
 * LIVE CARD — Card.retired = false and its Note.retired = false. Retired
 * cards (content removed from the deck) appear nowhere in the card figures;
 * their review logs still count in the history figures (heatmap, streak,
 * today's reviews, retention, buttons), because those answers happened.
 *
 * ANSWER — one ReviewLog row, from either source ("review" screen or
 * "quiz"), unless a figure says otherwise. Logs after `now` are ignored.
 */

/** [again, hard, good, easy] */
export type ButtonCounts = [number, number, number, number];

export interface RetentionBucket {
  /** Answers rated Hard, Good or Easy. */
  passed: number;
  total: number;
  /** passed / total, or null when total = 0. */
  rate: number | null;
}

export interface RetentionPeriod {
  /** Last interval < 21 days. */
  young: RetentionBucket;
  /** Last interval ≥ 21 days. */
  mature: RetentionBucket;
  all: RetentionBucket;
}

export interface Bucket {
  /** Label, e.g. "1–3d", "0.9–1.0". */
  bucket: string;
  /** Lower bound (inclusive). */
  min: number;
  /** Upper bound (exclusive), or null for the open last bucket. */
  max: number | null;
  count: number;
}

export interface DeckMastery {
  key: string;
  title: string;
  /** mastered / cards, or null for a deck without live cards. */
  share: number | null;
  /** Live cards. */
  cards: number;
  /** Live cards with retrievability ≥ MASTERY_THRESHOLD now. */
  mastered: number;
}

export interface TopicMastery {
  topic: string;
  share: number | null;
  cards: number;
  mastered: number;
}

export interface Stats {
  /** The study day `now` falls in, and when it started / the next one starts. */
  day: { today: string; start: Date; nextStart: Date; timezone: string; dayStartHour: number };
  today: {
    /** = forecast[0].due: learning/relearning/review cards due before the next study day starts (overdue included). */
    due: number;
    /** New cards still to be introduced today: min(available new cards, max(0, newPerDay − new cards answered today)). */
    newLeft: number;
    /** Answers given today (both sources, all card states). */
    reviewsDone: number;
    /** Sum of durationMs of those answers. */
    timeSpentMs: number;
    /** Consecutive study days with ≥ 1 answer, ending today — or yesterday while today has none yet. */
    streak: number;
    /** The longest such run ever. */
    longestStreak: number;
  };
  /** Answers per study day, the 365 days ending today, oldest first (every day present, zeros included). */
  heatmap: { day: string; count: number }[];
  /** Cards due per study day, today (day 0, overdue included) and the 29 days after it. */
  forecast: { day: string; due: number }[];
  retention: {
    desired: number;
    /** Today's study day. */
    day: RetentionPeriod;
    /** The last 7 study days, today included. */
    week: RetentionPeriod;
    /** The last 30 study days, today included. */
    month: RetentionPeriod;
  };
  /**
   * Live cards, as a partition (the six numbers add up to the live cards):
   * leech-flagged first, then suspended, then by FSRS state. Buried cards
   * count in their state.
   */
  counts: { new: number; learning: number; review: number; relearning: number; suspended: number; leech: number };
  /** Live cards that have been reviewed (state ≠ New), suspended ones included; fixed buckets (see buckets.ts). */
  distributions: { stability: Bucket[]; difficulty: Bucket[]; retrievability: Bucket[] };
  /** Σ retrievability over live cards that have been reviewed (state ≠ New): the expected number of cards you would recall now. */
  known: number;
  /** Answers of the last ANSWER_PERIOD_DAYS study days by rating, per source. */
  buttons: { review: ButtonCounts; quiz: ButtonCounts };
  /** Answers of the last ANSWER_PERIOD_DAYS study days per source. */
  sources: { review: number; quiz: number };
  /**
   * Share of live cards (new and suspended included; new cards have R = 0)
   * whose retrievability now is ≥ MASTERY_THRESHOLD (0.9). Decks: every deck
   * (or the one asked for), by title; topics: those with live cards, by name.
   */
  mastery: { deck: DeckMastery[]; topic: TopicMastery[] };
}

export interface GetStatsInput {
  /** Deck key; omitted → all decks. */
  deckKey?: string;
  now: Date;
}
