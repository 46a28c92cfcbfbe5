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

/** Answers of one study day with the same source, state before, rating and maturity (lib/db/stats-answers.ts). */
export interface AnswerGroup {
  /** Study-day index (days since 1970-01-01). */
  day: number;
  source: string;
  /** Card state before the answer (0 New, 1 Learning, 2 Review, 3 Relearning). */
  state: number;
  rating: number;
  /** ReviewLog.scheduled_days ≥ matureDays: the interval before this answer (Anki's lastIvl). */
  mature: boolean;
  count: number;
  durationMs: number;
}

/** Review-screen answers to Review-state cards that followed another answer to the same card on the same study day. */
export interface RepeatGroup {
  day: number;
  rating: number;
  mature: boolean;
  count: number;
}

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

export interface DayRetention {
  day: string;
  passed: number;
  total: number;
  rate: number | null;
}

export interface DayActivity {
  day: string;
  /** Answers on the review screen. */
  review: number;
  /** Answers in quizzes. */
  quiz: number;
  /** review + quiz (and any other source). */
  answers: number;
  /** Σ durationMs of those answers. */
  timeMs: number;
}

/** Ratings [again, hard, good, easy] by the card's state before the answer. */
export type ButtonsByStateOfSource = Record<"new" | "learning" | "review" | "relearning", ButtonCounts>;
export type ButtonsByState = { review: ButtonsByStateOfSource; quiz: ButtonsByStateOfSource };

export interface KindMastery {
  /** Note kind: term, takeaway, tldr, stage, method, pipeline, question. */
  kind: string;
  share: number | null;
  cards: number;
  mastered: number;
}

export interface WeakItem {
  key: string;
  kind: string;
  topic: string;
  deckKey: string;
  name: string;
  /** Live cards of the item. */
  cards: number;
  /** Of them, reviewed (state ≠ New). */
  reviewed: number;
  mastered: number;
  /** Predicted recall of its weakest reviewed card (an item is as weak as its weakest card; lib/db/stats-items.ts). */
  recall: number;
  /** Its reviewed card with the lowest predicted recall. */
  weakestCardId: number;
  /** Every live card of the item, by id (a quiz on the item asks these: /quiz?cards=). */
  cardIds: number[];
}

export interface DeckMastery {
  key: string;
  title: string;
  /** mastered / cards, or null for a deck without live cards. */
  share: number | null;
  /** Live cards. */
  cards: number;
  /** Live cards mastered (see Stats.mastery). */
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
    /** Due now, as the review page counts it: learning/relearning cards due by now plus the reviews it shows today (lib/services/study-counts.ts). */
    due: number;
    /** Learning/relearning cards due before the study day ends, as the review header's learning count. */
    learningToday: number;
    /** = forecast[1].due: learning and review cards whose effective due max(due, buriedUntil) is in the next study day. */
    dueTomorrow: number;
    /** New cards still to be introduced today: min(available new cards, max(0, newPerDay − new cards answered today)). */
    newLeft: number;
    /** Answers given today (both sources, all card states). */
    reviewsDone: number;
    /** Sum of durationMs of those answers. */
    timeSpentMs: number;
    /** timeSpentMs / reviewsDone / 1000, or null without answers. */
    secondsPerCard: number | null;
    /** Of forecast[0], the cards whose effective due date is before today started (the backlog). */
    overdue: number;
    /** Consecutive study days with ≥ 1 answer, ending today — or yesterday while today has none yet. */
    streak: number;
    /** The longest such run ever. */
    longestStreak: number;
  };
  /** Answers per study day, the 365 days ending today, oldest first (every day present, zeros included). */
  heatmap: { day: string; count: number }[];
  /** Cards due per study day by effective due, today (day 0, overdue included, not capped by reviewsPerDay) and the 29 days after it (lib/services/study-counts.ts). */
  forecast: { day: string; due: number }[];
  /** Answers and time per study day, the ANSWER_PERIOD_DAYS days ending today, oldest first. */
  activity: DayActivity[];
  /**
   * True retention as Anki defines it: the first answer of a study day to a
   * card in the Review state, on the review screen (source "review"; quiz
   * answers never count). Passed = Hard, Good or Easy. See lib/stats/answers.ts.
   */
  retention: {
    desired: number;
    /** Per study day, the ANSWER_PERIOD_DAYS days ending today, oldest first. */
    daily: DayRetention[];
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
  /**
   * "Cards you would recall": Σ over live reviewed cards (state ≠ New) of the
   * predicted recall after max(1, elapsed) whole study days — a card reviewed
   * today is measured as of tomorrow, so just having seen it does not count
   * as knowing it (FSRS gives R = 1 at 0 days, even to a card just failed).
   */
  known: number;
  /** Live reviewed cards (state ≠ New): what `known` is out of. */
  reviewedCards: number;
  /** Answers of the last ANSWER_PERIOD_DAYS study days by rating, per source. */
  buttons: { review: ButtonCounts; quiz: ButtonCounts };
  /** The same answers by rating, per source and per card state before the answer. */
  buttonsByState: ButtonsByState;
  /** Answers of the last ANSWER_PERIOD_DAYS study days per source. */
  sources: { review: number; quiz: number };
  /**
   * Share of live cards (new and suspended included; new cards are never
   * mastered) whose predicted recall MASTERY_HORIZON_DAYS (30) study days from
   * today is ≥ MASTERY_THRESHOLD (0.9), and whose last answer was not Again.
   * Decks: every deck (or the one asked for), by title; topics and note kinds:
   * those with live cards, by name.
   */
  mastery: { horizonDays: number; threshold: number; deck: DeckMastery[]; topic: TopicMastery[]; kind: KindMastery[] };
  /** Up to WEAKEST_LIMIT terms, takeaways, TL;DR points, stages and methods with the lowest mean predicted recall, weakest first. */
  weakest: WeakItem[];
}

export interface GetStatsInput {
  /** Deck key; omitted → all decks. */
  deckKey?: string;
  now: Date;
}
