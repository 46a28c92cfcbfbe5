/**
 * FSRS scheduling via ts-fsrs (the only module in the project that imports
 * it). Pure: every function takes `now`.
 *
 * Choices made here:
 *
 * 1. Elapsed days are counted in STUDY DAYS. ts-fsrs counts elapsed days by
 *    UTC calendar date (dateDiffInDays), so for a user in Tokyo (UTC+9)
 *    "yesterday 10:00" → "today 08:00" is 0 days (same-day formula, no
 *    stability gain), and two relearning answers at 08:55 and 09:05 are
 *    "1 day" apart. We hand ts-fsrs the study-day clock of `now` and of
 *    `last_review` (see study-day.ts: wall time minus dayStartHour, whose UTC
 *    date is the study-day label) and shift the resulting dates back, so
 *    elapsed_days = study days between the answers, like Anki. Intervals
 *    themselves are unchanged: due = now + interval exactly.
 *
 * 2. Fuzz is seeded from the card (id + last review + reps), not from the
 *    answer time as ts-fsrs does by default, so the label shown on a button
 *    ("3d") is the interval the answer actually gets even though the answer
 *    arrives seconds after the preview.
 *
 * 3. A clock that went backwards (now < last_review) is treated as "no time
 *    passed" instead of letting ts-fsrs throw on a negative delta.
 *
 * 4. maximumInterval is a hard cap (see unshift).
 */
import {
  GenSeedStrategyWithCardId,
  StrategyMode,
  checkParameters,
  createEmptyCard,
  forgetting_curve,
  fsrs,
  generatorParameters,
  type Card as FsrsCard,
  type FSRS,
  type Grade,
  type RecordLogItem,
} from "ts-fsrs";
import { formatInterval } from "./format-interval";
import { parseSteps } from "./steps";
import { daysBetween, studyDayClockMs, studyDayOf } from "./study-day";
import { RATINGS, type CardState, type FsrsFields, type Rating, type ReviewLogFields, type SchedulableCard, type Settings } from "./types";

export { formatInterval } from "./format-interval";
export { LEECH_LAPSES, becameLeech, isLeech } from "./leech";
export { StepsError, checkSteps, parseSteps, type StepUnit } from "./steps";

type SchedulerSettings = Pick<
  Settings,
  "desiredRetention" | "learningSteps" | "relearningSteps" | "maximumInterval" | "enableFuzz" | "weights" | "dayStartHour" | "timezone"
>;

const SEED_FIELD = "cardinal_seed";
const DAY_MS = 86_400_000;

/** Builds a ts-fsrs instance from Settings. Throws on invalid settings. */
export function createScheduler(settings: SchedulerSettings): FSRS {
  const r = settings.desiredRetention;
  if (!(r >= 0.7 && r <= 0.99)) {
    throw new RangeError(`desiredRetention must be within 0.70–0.99, got ${r}`);
  }
  const maxIvl = settings.maximumInterval;
  if (!Number.isInteger(maxIvl) || maxIvl < 1 || maxIvl > 36500) {
    throw new RangeError(`maximumInterval must be an integer 1–36500 days, got ${maxIvl}`);
  }
  const params = generatorParameters({
    request_retention: r,
    maximum_interval: maxIvl,
    enable_fuzz: settings.enableFuzz,
    enable_short_term: true,
    learning_steps: parseSteps(settings.learningSteps),
    relearning_steps: parseSteps(settings.relearningSteps),
    ...(settings.weights ? { w: checkParameters(settings.weights) } : {}),
  });
  return fsrs(params).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId(SEED_FIELD));
}

/**
 * One ts-fsrs instance per distinct scheduling settings, reused across calls
 * (building one costs more than scheduling a card). Safe to share: ts-fsrs
 * sets the fuzz seed on the instance at the start of every next()/repeat(),
 * and all of it is synchronous. Keyed by the values, so a changed setting
 * gets a new instance at the next call.
 */
const schedulers = new Map<string, FSRS>();
const SCHEDULER_CACHE_LIMIT = 16;

function schedulerKey(s: SchedulerSettings): string {
  // NUL cannot occur in valid steps, so distinct settings never share a key.
  return `${s.desiredRetention}\0${s.maximumInterval}\0${s.enableFuzz ? 1 : 0}\0${s.learningSteps}\0${s.relearningSteps}\0${s.weights === null ? "-" : s.weights.join(",")}`;
}

function cachedScheduler(settings: SchedulerSettings): FSRS {
  const key = schedulerKey(settings);
  let f = schedulers.get(key);
  if (f === undefined) {
    f = createScheduler(settings); // throws on invalid settings: nothing cached
    if (schedulers.size >= SCHEDULER_CACHE_LIMIT) schedulers.clear();
    schedulers.set(key, f);
  }
  return f;
}

function checkNow(now: Date): number {
  const ms = now.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("Invalid `now`");
  return ms;
}

function toState(n: number): CardState {
  if (n === 0 || n === 1 || n === 2 || n === 3) return n;
  throw new RangeError(`Invalid card state ${n}`);
}

function checkRating(rating: number): Rating {
  if (rating === 1 || rating === 2 || rating === 3 || rating === 4) return rating;
  throw new RangeError(`Invalid rating ${rating}: expected 1–4`);
}

/** The card as ts-fsrs should see it: study-day clocks instead of instants
 * (choice 1), plus the fuzz seed (choice 2). `shift` maps back: real = fake - shift. */
function prepare(card: SchedulableCard, settings: SchedulerSettings, now: Date) {
  const nowMs = checkNow(now);
  const { timezone: tz, dayStartHour: hour } = settings;
  const fakeNow = studyDayClockMs(nowMs, tz, hour);
  const shift = fakeNow - nowMs;
  let fakeLast: Date | undefined;
  if (card.last_review) {
    fakeLast = new Date(Math.min(studyDayClockMs(card.last_review, tz, hour), fakeNow));
  }
  // ts-fsrs appends reps to this string (string + number) → "id|last|reps".
  const seed = `${card.id ?? "?"}|${card.last_review?.getTime() ?? "new"}|`;
  const input: FsrsCard & { [SEED_FIELD]: string } = {
    due: new Date(card.due.getTime() + shift),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: toState(card.state),
    last_review: fakeLast,
    [SEED_FIELD]: seed,
  };
  return { input, fakeNow: new Date(fakeNow), shift };
}

function unshift(item: RecordLogItem, original: SchedulableCard, settings: SchedulerSettings, now: Date, shift: number) {
  const c = item.card;
  let due = new Date(c.due.getTime() - shift);
  let scheduledDays = c.scheduled_days;
  // Choice 4: ts-fsrs forces Hard < Good < Easy by +1 day each AFTER clamping
  // to maximum_interval, so Good/Easy can exceed it; the setting wins here.
  if (c.state === 2 && scheduledDays > settings.maximumInterval) {
    scheduledDays = settings.maximumInterval;
    due = new Date(now.getTime() + scheduledDays * DAY_MS);
  }
  const card: FsrsFields = {
    due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: scheduledDays,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: toState(c.state),
    last_review: now,
  };
  const l = item.log;
  const log: ReviewLogFields = {
    rating: checkRating(l.rating),
    state: toState(l.state),
    due: original.last_review ?? original.due, // what ts-fsrs records, unshifted
    stability: l.stability,
    difficulty: l.difficulty,
    elapsed_days: l.elapsed_days,
    last_elapsed_days: l.last_elapsed_days,
    scheduled_days: l.scheduled_days,
    learning_steps: l.learning_steps,
    review: now,
  };
  return { card, log };
}

export interface IntervalPreview {
  rating: Rating;
  due: Date;
  /** Button label, e.g. "10m", "3d". */
  interval: string;
}

/** What each answer button would schedule, Again..Easy. */
export function previewIntervals(card: SchedulableCard, settings: SchedulerSettings, now: Date): IntervalPreview[] {
  const f = cachedScheduler(settings);
  const { input, fakeNow, shift } = prepare(card, settings, now);
  const preview = f.repeat(input, fakeNow);
  return RATINGS.map((rating) => {
    const { due } = unshift(preview[rating as Grade], card, settings, now, shift).card;
    return { rating, due, interval: formatInterval(due.getTime() - now.getTime()) };
  });
}

/** The card's next FSRS fields and the review log for answering `rating` at `now`. */
export function applyRating(card: SchedulableCard, rating: Rating, settings: SchedulerSettings, now: Date): { card: FsrsFields; log: ReviewLogFields } {
  const grade = checkRating(rating) as Grade;
  const f = cachedScheduler(settings);
  const { input, fakeNow, shift } = prepare(card, settings, now);
  return unshift(f.next(input, fakeNow, grade), card, settings, now, shift);
}

/**
 * Probability of recall now (0 for a new card), on the same study-day clock
 * the scheduler uses, so it matches what FSRS assumed when scheduling.
 */
export function retrievability(card: SchedulableCard, settings: SchedulerSettings, now: Date): number {
  checkNow(now);
  if (toState(card.state) === 0 || !card.last_review || card.stability <= 0) return 0;
  const { timezone: tz, dayStartHour: hour } = settings;
  const elapsed = daysBetween(studyDayOf(card.last_review, tz, hour), studyDayOf(now, tz, hour));
  return forgetting_curve(cachedScheduler(settings).parameters.w, Math.max(0, elapsed), card.stability);
}

/** FSRS fields of a brand-new card (state New, due = now). */
export function newCardFields(now: Date): FsrsFields {
  checkNow(now);
  const c = createEmptyCard(now);
  return {
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: toState(c.state),
    last_review: null,
  };
}
