/**
 * FSRS training items from a review history — pure, shared by the CLI (Anki
 * CSV) and the app (ReviewLog + ImportedReview rows read from SQLite).
 *
 * The rules are fsrs-rs's CSV conversion as shipped in
 * @open-spaced-repetition/binding 0.5.0 (`convertCsvToFsrsItems`), so that
 * our items equal the binding's item for item (tests/unit/fsrs-fit checks it):
 *  1. group reviews by card; order each card's reviews by time (stable);
 *  2. keep only the card's LAST contiguous block of learning-state reviews
 *     (state 0 New or 1 Learning) and everything after it — earlier history
 *     belongs to a card that was reset; a card with no learning review at all
 *     (its first review is missing) gives no items;
 *  3. each review's study day is the calendar date of
 *     `floor(time / 1 s) + utcOffset − dayStartHour` in the learner's zone;
 *     deltaT = days since the card's previous kept review;
 *  4. review k (k ≥ 1) of a card yields the item "reviews 0..k"; only items
 *     whose last review is on a later day than the one before (deltaT > 0)
 *     are kept — same-day repeats are inputs, never targets;
 *  5. all items are ordered by the time of their last review (stable, so ties
 *     keep card order), which time-series evaluation relies on.
 */
import { DAY_MS, HOUR_MS, offsetAt, offsetTable } from "../stats/tz-offsets";

export interface HistoryEntry {
  /** Any stable key; cards of different sources must not collide ("c:12", "i:3:98"). */
  cardId: string;
  /** Epoch milliseconds. */
  reviewTime: number;
  /** 1 Again … 4 Easy. */
  rating: number;
  /** State before the review: 0 New, 1 Learning, 2 Review, 3 Relearning (4 Filtered in Anki). */
  state: number;
}

export interface TrainingReview {
  rating: number;
  deltaT: number;
}

export interface TrainingItem {
  cardId: string;
  /** Time of the item's last review (the one being predicted). */
  reviewTime: number;
  reviews: TrainingReview[];
}

export interface StudyDayRule {
  timeZone: string;
  /** Hour (0–23) at which a study day starts. */
  dayStartHour: number;
}

const isLearning = (e: HistoryEntry) => e.state === 0 || e.state === 1;

/** Rule 2: from the start of the last contiguous learning block; [] without one. */
export function fromLastLearningBlock(entries: readonly HistoryEntry[]): HistoryEntry[] {
  let start = -1;
  for (let i = entries.length - 1; i >= 0; i--) {
    if (isLearning(entries[i]!)) start = i;
    else if (start !== -1) break;
  }
  return start === -1 ? [] : entries.slice(start);
}

/** Study-day numbers (days since 1970-01-01) of instants, by rule 3. */
export function studyDayNumbers(times: readonly number[], rule: StudyDayRule): number[] {
  if (times.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of times) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const table = offsetTable(rule.timeZone, lo, hi);
  const shift = rule.dayStartHour * HOUR_MS;
  return times.map((t) => {
    // fsrs-rs truncates to whole seconds and works with whole-minute offsets.
    const secondsMs = Math.trunc(t / 1000) * 1000;
    const offsetMs = Math.round(offsetAt(table, t) / 60_000) * 60_000;
    return Math.floor((secondsMs + offsetMs - shift) / DAY_MS);
  });
}

/** Groups by card in card-id order, each card's reviews by time (both stable). */
function byCard(entries: readonly HistoryEntry[]): HistoryEntry[][] {
  // A Map keeps first-seen order and Array#sort is stable, so this equals one
  // stable sort by (cardId, reviewTime) — at a fraction of its string compares.
  const groups = new Map<string, HistoryEntry[]>();
  for (const e of entries) {
    const g = groups.get(e.cardId);
    if (g) g.push(e);
    else groups.set(e.cardId, [e]);
  }
  const keys = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((k) => groups.get(k)!.sort((a, b) => a.reviewTime - b.reviewTime));
}

/**
 * The items in compact form: each kept card's reviews once, and each item as
 * (card, prefix length). 41k reviews make ~235k item reviews; sharing the
 * prefixes keeps building, copying to a worker and converting cheap.
 */
export interface TrainingSet {
  cards: { cardId: string; reviews: TrainingReview[] }[];
  /** In order of `reviewTime` (rule 5). */
  items: { card: number; length: number; reviewTime: number }[];
}

export function buildTrainingSet(entries: readonly HistoryEntry[], rule: StudyDayRule): TrainingSet {
  const kept = byCard(entries)
    .map(fromLastLearningBlock)
    .filter((c) => c.length > 0);
  const flat = kept.flat();
  const days = studyDayNumbers(
    flat.map((e) => e.reviewTime),
    rule,
  );
  const cards: TrainingSet["cards"] = [];
  const items: TrainingSet["items"] = [];
  let at = 0;
  for (const card of kept) {
    const index = cards.length;
    const reviews: TrainingReview[] = card.map((e, i) => ({
      rating: e.rating,
      deltaT: i === 0 ? 0 : Math.max(0, days[at + i]! - days[at + i - 1]!),
    }));
    for (let k = 1; k < card.length; k++) {
      if (reviews[k]!.deltaT > 0) items.push({ card: index, length: k + 1, reviewTime: card[k]!.reviewTime });
    }
    cards.push({ cardId: card[0]!.cardId, reviews });
    at += card.length;
  }
  items.sort((a, b) => a.reviewTime - b.reviewTime);
  return { cards, items };
}

export function expandTrainingSet(set: TrainingSet): TrainingItem[] {
  return set.items.map((it) => {
    const card = set.cards[it.card]!;
    return { cardId: card.cardId, reviewTime: it.reviewTime, reviews: card.reviews.slice(0, it.length) };
  });
}

export function buildTrainingItems(entries: readonly HistoryEntry[], rule: StudyDayRule): TrainingItem[] {
  return expandTrainingSet(buildTrainingSet(entries, rule));
}

/** Typed arrays for a worker (transferable): reviews of all cards back to back, items as (start, length). */
export interface PackedTrainingSet {
  ratings: Uint8Array;
  deltas: Uint32Array;
  starts: Uint32Array;
  lengths: Uint32Array;
}

export function packTrainingSet(set: TrainingSet): PackedTrainingSet {
  const total = set.cards.reduce((n, c) => n + c.reviews.length, 0);
  const ratings = new Uint8Array(total);
  const deltas = new Uint32Array(total);
  const cardStart = new Uint32Array(set.cards.length);
  let at = 0;
  set.cards.forEach((c, i) => {
    cardStart[i] = at;
    for (const r of c.reviews) {
      ratings[at] = r.rating;
      deltas[at++] = r.deltaT;
    }
  });
  const starts = new Uint32Array(set.items.length);
  const lengths = new Uint32Array(set.items.length);
  set.items.forEach((it, i) => {
    starts[i] = cardStart[it.card]!;
    lengths[i] = it.length;
  });
  return { ratings, deltas, starts, lengths };
}
