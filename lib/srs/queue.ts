/**
 * The study queue: which cards to show now, in what order. Pure and O(n log n).
 *
 * POLICY
 *  1. Excluded: retired, suspended, leech-flagged, buried (buriedUntil > now).
 *  2. Learning/relearning cards due now (due ≤ now) come first, by due.
 *     Learning cards due later today are not shown yet; they are reported as
 *     `learningLater` ("next card in 7 min").
 *  3. Then review cards due before the next study day starts (due <
 *     nextDayStart), at most reviewsPerDay − reviewsDoneToday of them, with
 *     new cards (at most newPerDay − newIntroducedToday, by position then id)
 *     interleaved: one new card after every k reviews, k = ceil(reviews/new);
 *     leftovers go at the end.
 *  4. Siblings (cards of the same note) are never shown on the same study
 *     day: a note answered today (notesAnsweredToday) or already represented
 *     earlier in the queue (priority: learning, then reviews in review order,
 *     then new cards) excludes its other new/review cards. Learning and
 *     relearning cards are exempt: they are the card being learned (the note
 *     of a card just answered Again is in notesAnsweredToday, yet that card
 *     must come back in 10 minutes).
 *  5. A review card whose last_review is already today and whose interval
 *     (due − last_review) is a day or more is not shown again today. Normally
 *     impossible (intervals are ≥ 1 day = 24 h), but on the 25-hour day of a
 *     DST fall-back, "now + 24 h" is still the same study day; Anki's
 *     day-based due dates never do that, so neither do we. A card a quiz
 *     failed after reviewing it today is due sooner than that (quiz practice:
 *     due now, memory state kept) and is shown, as the quiz said.
 *
 * REVIEW ORDER: due date ascending (most overdue first), ties by id.
 * Why not retrievability: it is not expressible in SQL (needs pow() and the
 * FSRS weights), and the DB layer must be able to pre-select the same top-N
 * reviews with `ORDER BY due, id LIMIT n` when thousands are due; a tie-break
 * by retrievability would also cost an FSRS evaluation per card. Anki's
 * default (due, then random) is not deterministic, which we want for tests.
 * For cards due on the same day, older due also means longer overdue
 * relative to the schedule, so the ordering is close in spirit anyway.
 *
 * WHAT THE CALLER MUST PASS (at 100k cards the DB pre-filters; all bounds come
 * from `queueWindow(now, settings)`). Cards that are retired/suspended/leech
 * may be filtered in SQL or passed (they are ignored). Pass:
 *  a. every learning/relearning card (state 1, 3) with due < dayAfterStart;
 *  b. review cards (state 2) with due < nextDayStart: all of them, or the
 *     first (reviewsPerDay − reviewsDoneToday + headroom) by `due, id`, where
 *     headroom covers siblings that get skipped (e.g. + 50);
 *  c. review cards with nextDayStart ≤ due < dayAfterStart (for dueTomorrow);
 *  d. new cards (state 0) not buried: the first (newPerDay −
 *     newIntroducedToday + headroom) by `position, id`;
 *  e. for an exact `nextDue` when nothing is due before dayAfterStart: the
 *     single non-new card with the smallest due ≥ dayAfterStart.
 *  And: newIntroducedToday = answers since todayStart whose log state was New;
 *  reviewsDoneToday = answers since todayStart whose log state was Review;
 *  notesAnsweredToday = noteIds of cards answered since todayStart.
 *
 * COUNTED BY THE CALLER (optional, for large collections; lib/db/queue.ts
 * computes both with one index-only SQL aggregate each). Same results as
 * passing the cards themselves:
 *  - `learningCounts` replaces (a): pass only the learning/relearning cards
 *    that are due now (due ≤ now) and not buried, or just the first `limit`
 *    of them by `due, id`; and add to notesAnsweredToday the notes of every
 *    learning/relearning card that is not buried and due before nextDayStart
 *    (those cards hold their siblings back; only the notes that have a
 *    review/new candidate matter).
 *  - `reviewsDueTomorrow` replaces (c).
 */
import { DAY_MS, nextDayStart as nextDayStartOf, studyDayOf, studyDayStart, addDays } from "./study-day";
import type { QueueCard, Settings } from "./types";

type QueueSettings = Pick<Settings, "newPerDay" | "reviewsPerDay" | "dayStartHour" | "timezone" | "learnAheadMinutes">;
type DaySettings = Pick<Settings, "dayStartHour" | "timezone">;

export interface QueueWindow {
  /** Label of the current study day. */
  today: string;
  todayStart: Date;
  nextDayStart: Date;
  /** Start of the study day after next: end of the "due tomorrow" window. */
  dayAfterStart: Date;
}

export function queueWindow(now: Date, settings: DaySettings): QueueWindow {
  const { timezone: tz, dayStartHour: h } = settings;
  const today = studyDayOf(now, tz, h);
  return {
    today,
    todayStart: studyDayStart(today, tz, h),
    nextDayStart: studyDayStart(addDays(today, 1), tz, h),
    dayAfterStart: studyDayStart(addDays(today, 2), tz, h),
  };
}

export interface BuildQueueInput<T extends QueueCard> {
  cards: readonly T[];
  now: Date;
  settings: QueueSettings;
  /** New cards already introduced (first answered) today. */
  newIntroducedToday: number;
  /** Review-state answers already given today. */
  reviewsDoneToday: number;
  /** Notes with a card answered today (siblings are held back). */
  notesAnsweredToday?: Iterable<number>;
  /**
   * The cards answered today (review screen or quiz), with their notes: the
   * OTHER new and review cards of such a note are held back today; the
   * answered card itself is not (a card failed in a quiz is due now).
   * Learning siblings are exempt as with notesAnsweredToday: answering,
   * suspending or burying a card buries its due-today learning siblings
   * (siblingsToBury), which keeps the SQL learning counts exact.
   */
  cardsAnsweredToday?: Iterable<{ noteId: number; cardId: number }>;
  /** Max number of `items` to return (counts are not affected). */
  limit?: number;
  /** Learning/relearning figures counted by the caller: see COUNTED BY THE CALLER above. */
  learningCounts?: LearningCounts;
  /** Review cards with nextDayStart ≤ due < dayAfterStart, counted by the caller (then any passed are ignored). */
  reviewsDueTomorrow?: ReviewsDueTomorrow;
}

/**
 * Over every learning/relearning card that is not excluded (retired,
 * suspended, leech) and has due < dayAfterStart.
 */
export interface LearningCounts {
  /** Not buried, due ≤ now. */
  dueNow: number;
  /** Not buried, now < due < nextDayStart. */
  later: number;
  /** The smallest due among `later`; null when later = 0. */
  nextLaterDue: Date | null;
  /** Effective due max(due, buriedUntil) in [nextDayStart, dayAfterStart): what the forecast calls tomorrow. */
  dueTomorrow: number;
  /**
   * The earliest of: max(due, buriedUntil) of a buried card (buriedUntil >
   * now), and due of a card that is not buried and due ≥ nextDayStart; null
   * when there is none.
   */
  nextAvailable: Date | null;
}

/** Over the review cards that are not excluded. */
export interface ReviewsDueTomorrow {
  /** Those whose effective due max(due, buriedUntil) is in [nextDayStart, dayAfterStart) — a card due today but buried until tomorrow included, as in the forecast. */
  count: number;
  /** The smallest max(due, buriedUntil) among those with nextDayStart ≤ due < dayAfterStart (buriedUntil null counts as −∞); null when there are none. */
  earliest: Date | null;
}

export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
}

export interface BuildQueueResult<T> {
  /** Cards to show, in order. */
  items: T[];
  /** What is left today (Anki's three numbers), before `limit`. */
  counts: QueueCounts;
  /** Learning cards due later today (not shown yet), or null. */
  learningLater: { count: number; nextDue: Date } | null;
  /**
   * Earliest instant after now at which a card that is not in `items`
   * becomes showable: a learning card's due; for a review card the start of
   * the study day it is due on (they are shown from the start of that day),
   * the next day start for cards held back by limits/siblings, or the end of
   * a burial. null if no such card was passed.
   */
  nextDue: Date | null;
  /** Learning/review cards (not excluded) due in the next study day. */
  dueTomorrow: number;
  today: string;
  nextDayStart: Date;
}

function byDueThenId(a: QueueCard, b: QueueCard): number {
  return a.due.getTime() - b.due.getTime() || a.id - b.id;
}

function byPositionThenId(a: QueueCard, b: QueueCard): number {
  return a.position - b.position || a.id - b.id;
}

function nonNegativeInt(name: string, n: number): number {
  if (!Number.isFinite(n)) throw new RangeError(`${name} must be a finite number, got ${n}`);
  return Math.max(0, Math.floor(n));
}

/** One new card after every k reviews, k = ceil(reviews/new); rest at the end. */
function interleave<T>(reviews: readonly T[], news: readonly T[]): T[] {
  if (news.length === 0) return [...reviews];
  if (reviews.length === 0) return [...news];
  const k = Math.ceil(reviews.length / news.length);
  const out: T[] = [];
  let ni = 0;
  reviews.forEach((r, i) => {
    out.push(r);
    const n = news[ni];
    if ((i + 1) % k === 0 && n !== undefined) {
      out.push(n);
      ni += 1;
    }
  });
  for (; ni < news.length; ni += 1) {
    const n = news[ni];
    if (n !== undefined) out.push(n);
  }
  return out;
}

export function buildQueue<T extends QueueCard>(input: BuildQueueInput<T>): BuildQueueResult<T> {
  const { cards, now, settings } = input;
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError("Invalid `now`");
  const win = queueWindow(now, settings);
  const todayStart = win.todayStart.getTime();
  const nextStart = win.nextDayStart.getTime();
  const dayAfter = win.dayAfterStart.getTime();

  const newCap = Math.max(0, nonNegativeInt("newPerDay", settings.newPerDay) - nonNegativeInt("newIntroducedToday", input.newIntroducedToday));
  const reviewCap = Math.max(0, nonNegativeInt("reviewsPerDay", settings.reviewsPerDay) - nonNegativeInt("reviewsDoneToday", input.reviewsDoneToday));
  const limit = input.limit === undefined ? Infinity : nonNegativeInt("limit", input.limit);
  const lc = input.learningCounts;
  const rt = input.reviewsDueTomorrow;

  const learnNow: T[] = [];
  // Learning cards due within the learn-ahead window: shown only when nothing else is.
  const aheadMs = nowMs + nonNegativeInt("learnAheadMinutes", settings.learnAheadMinutes ?? 20) * 60_000;
  const learnAhead: T[] = [];
  const reviewCands: T[] = [];
  const newCands: T[] = [];
  let learnLaterCount = 0;
  let learnLaterMin = Infinity;
  let dueTomorrow = 0;
  // Earliest availability of cards not shown today: learning (exact instant)
  // and review/new (mapped to the start of their study day at the end).
  let laterMin = Infinity;
  let dayBoundMin = Infinity;
  const claimed = new Set<number>(input.notesAnsweredToday ?? []);
  const answeredBy = new Map<number, Set<number>>();
  for (const a of input.cardsAnsweredToday ?? []) {
    const set = answeredBy.get(a.noteId) ?? new Set<number>();
    set.add(a.cardId);
    answeredBy.set(a.noteId, set);
  }
  /** A sibling of this card was answered today. */
  const siblingAnswered = (c: QueueCard) => {
    const set = answeredBy.get(c.noteId);
    if (!set) return false;
    for (const id of set) if (id !== c.id) return true;
    return false;
  };

  for (const c of cards) {
    if (c.retired || c.suspended || c.leech) continue;
    const due = c.due.getTime();
    const buriedUntil = c.buriedUntil ? c.buriedUntil.getTime() : -Infinity;
    const buried = buriedUntil > nowMs;
    switch (c.state) {
      case 0: // New
        if (siblingAnswered(c)) dayBoundMin = Math.min(dayBoundMin, nextStart);
        else if (buried) dayBoundMin = Math.min(dayBoundMin, Math.max(buriedUntil, nextStart));
        else newCands.push(c);
        break;
      case 1: // Learning
      case 3: // Relearning
        if (lc && due < dayAfter) {
          // Counted by the caller: such a card only matters as an item.
          if (!buried && due <= nowMs) {
            learnNow.push(c);
            claimed.add(c.noteId);
          } else if (!buried && due > nowMs && due < nextStart) {
            // A learning card later today holds its siblings back, as in the uncounted path.
            claimed.add(c.noteId);
            if (due <= aheadMs) learnAhead.push(c);
          }
          break;
        }
        if (Math.max(due, buriedUntil) >= nextStart && Math.max(due, buriedUntil) < dayAfter) dueTomorrow += 1;
        if (buried) {
          laterMin = Math.min(laterMin, Math.max(due, buriedUntil));
        } else if (due <= nowMs) {
          learnNow.push(c);
          claimed.add(c.noteId);
        } else if (due < nextStart) {
          learnLaterCount += 1;
          learnLaterMin = Math.min(learnLaterMin, due);
          claimed.add(c.noteId);
          if (due <= aheadMs) learnAhead.push(c);
        } else {
          laterMin = Math.min(laterMin, due);
        }
        break;
      case 2: {
        // Review
        // Tomorrow by effective due (a card buried until tomorrow counts), as the forecast does.
        const eff = Math.max(due, buriedUntil);
        if (!rt && eff >= nextStart && eff < dayAfter) dueTomorrow += 1;
        if (rt && due >= nextStart && due < dayAfter) break; // counted by the caller
        // Rule 5 hides only a whole interval that ended inside the day of its review (a 25-hour DST day):
        // a card a quiz failed after a review today is due sooner than a day on, and is shown.
        const reviewedToday = c.last_review !== null && c.last_review.getTime() >= todayStart && due - c.last_review.getTime() >= DAY_MS;
        if (due < nextStart && !buried && !reviewedToday && !siblingAnswered(c)) reviewCands.push(c);
        else dayBoundMin = Math.min(dayBoundMin, Math.max(due, buriedUntil, nextStart));
        break;
      }
      default:
        throw new RangeError(`Card ${c.id} has invalid state ${c.state}`);
    }
  }

  if (lc) {
    learnLaterCount = nonNegativeInt("learningCounts.later", lc.later);
    if (learnLaterCount > 0) {
      if (!lc.nextLaterDue) throw new RangeError("learningCounts.nextLaterDue is required when later > 0");
      learnLaterMin = lc.nextLaterDue.getTime();
    }
    dueTomorrow += nonNegativeInt("learningCounts.dueTomorrow", lc.dueTomorrow);
    if (lc.nextAvailable) laterMin = Math.min(laterMin, lc.nextAvailable.getTime());
  }
  if (rt) {
    dueTomorrow += nonNegativeInt("reviewsDueTomorrow.count", rt.count);
    if (rt.earliest) dayBoundMin = Math.min(dayBoundMin, Math.max(rt.earliest.getTime(), nextStart));
  }

  learnNow.sort(byDueThenId);

  reviewCands.sort(byDueThenId);
  const reviews: T[] = [];
  for (const c of reviewCands) {
    if (reviews.length >= reviewCap) {
      dayBoundMin = Math.min(dayBoundMin, nextStart); // capped: back tomorrow
      break;
    }
    if (claimed.has(c.noteId)) {
      dayBoundMin = Math.min(dayBoundMin, nextStart);
      continue;
    }
    reviews.push(c);
    claimed.add(c.noteId);
  }

  const news: T[] = [];
  if (newCands.length > 0) {
    if (newCap > 0) {
      newCands.sort(byPositionThenId);
      for (const c of newCands) {
        if (news.length >= newCap) break;
        if (claimed.has(c.noteId)) continue;
        news.push(c);
        claimed.add(c.noteId);
      }
    }
    if (news.length < newCands.length && settings.newPerDay > 0) {
      dayBoundMin = Math.min(dayBoundMin, nextStart);
    }
  }

  const due = [...learnNow, ...interleave(reviews, news)];
  // Learn-ahead (Anki): with nothing else to do, the learning cards of the next minutes come early.
  const all = due.length > 0 ? due : learnAhead.sort(byDueThenId);
  const items = all.length > limit ? all.slice(0, limit) : all;

  let nextDue = laterMin;
  if (learnLaterCount > 0) nextDue = Math.min(nextDue, learnLaterMin);
  if (dayBoundMin !== Infinity) {
    // Review/new cards are shown from the start of the study day they fall in.
    // dayBoundMin ≥ nextStart by construction; map it (once) to its day start.
    const dayStart = dayBoundMin < dayAfter ? nextStart : dayStartOf(dayBoundMin, settings);
    nextDue = Math.min(nextDue, dayStart);
  }

  return {
    items,
    counts: {
      new: news.length,
      // As in Anki: every learning card due before the study day ends, not only those due now.
      learning: (lc ? nonNegativeInt("learningCounts.dueNow", lc.dueNow) : learnNow.length) + learnLaterCount,
      review: reviews.length,
    },
    learningLater: learnLaterCount > 0 ? { count: learnLaterCount, nextDue: new Date(learnLaterMin) } : null,
    nextDue: nextDue === Infinity ? null : new Date(nextDue),
    dueTomorrow,
    today: win.today,
    nextDayStart: win.nextDayStart,
  };
}

function dayStartOf(ms: number, s: DaySettings): number {
  return studyDayStart(studyDayOf(ms, s.timezone, s.dayStartHour), s.timezone, s.dayStartHour).getTime();
}

/**
 * After answering `answered`, the siblings to bury until the next study day
 * starts (so they stay hidden even if the caller forgets notesAnsweredToday):
 * its note's other new cards, and learning and review cards due today (no
 * sibling is shown the same study day, issue 12 item 4). Suspended/retired/leech cards and cards already buried that long are left
 * alone, so the caller writes only what changes.
 */
export function siblingsToBury(
  answered: Pick<QueueCard, "id" | "noteId">,
  allCardsOfNote: readonly QueueCard[],
  now: Date,
  settings: DaySettings,
): { ids: number[]; buriedUntil: Date } {
  const buriedUntil = nextDayStartOf(now, settings.timezone, settings.dayStartHour);
  const until = buriedUntil.getTime();
  const ids: number[] = [];
  for (const c of allCardsOfNote) {
    if (c.id === answered.id || c.noteId !== answered.noteId) continue;
    if (c.retired || c.suspended || c.leech) continue;
    if (c.buriedUntil && c.buriedUntil.getTime() >= until) continue;
    if (c.state === 0 || c.due.getTime() < until) ids.push(c.id);
  }
  return { ids, buriedUntil };
}
