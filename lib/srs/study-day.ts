/**
 * The study day: like Anki's, it starts at `startHour` local time (default
 * 04:00) in an IANA time zone, so a late-night session still counts for the
 * day it started on (03:59 local belongs to the previous day).
 *
 * A study day is named by a "YYYY-MM-DD" label: the local calendar date of
 * its start. Labels are plain calendar dates, so day arithmetic on them
 * (streaks, "due in N days") never has to think about DST.
 *
 * Why Intl.DateTimeFormat and no date library: offsets are all we need, the
 * runtime's ICU data is the same tz database a library would ship, and it
 * keeps lib/srs dependency-free apart from ts-fsrs.
 *
 * DST rules (checked by the tests; they make `studyDayOf` and
 * `studyDayStart` agree exactly: studyDayOf(t) = L ⇔ start(L) ≤ t < start(L+1)):
 *  - a start hour that falls in a spring-forward gap (e.g. 02:00 in Berlin on
 *    the last Sunday of March, or 00:00 in zones that change at midnight)
 *    starts the day at the first instant after the gap;
 *  - a start hour that occurs twice (fall back) starts the day at the first
 *    occurrence.
 * Hence days are 23, 24 or 25 hours long; never assume 24.
 */

const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const LABEL_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for an unknown time zone (as Intl does). */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function checkStartHour(startHour: number): void {
  if (!Number.isInteger(startHour) || startHour < 0 || startHour > 23) {
    throw new RangeError(`dayStartHour must be an integer 0–23, got ${startHour}`);
  }
}

function toMs(at: Date | number): number {
  const ms = typeof at === "number" ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("Invalid date");
  return ms;
}

/**
 * The local wall-clock time of `ms` in `timeZone` as a UTC epoch number,
 * straight from Intl (about 6 µs). `wallClockMs` is the cached form.
 */
export function exactWallClockMs(ms: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(ms);
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of parts) {
    switch (p.type) {
      case "year":
        y = Number(p.value);
        break;
      case "month":
        mo = Number(p.value);
        break;
      case "day":
        d = Number(p.value);
        break;
      case "hour":
        h = Number(p.value);
        break;
      case "minute":
        mi = Number(p.value);
        break;
      case "second":
        s = Number(p.value);
        break;
    }
  }
  const wall = new Date(0);
  wall.setUTCFullYear(y, mo - 1, d); // not Date.UTC: it maps years 0–99 to 19xx
  wall.setUTCHours(h, mi, s, 0);
  // Intl drops milliseconds; offsets are whole seconds, so add them back.
  return wall.getTime() + (((ms % 1000) + 1000) % 1000);
}

/**
 * OFFSET CACHE. Every answer and every queue preview needs the zone's UTC
 * offset a few times, and Intl costs ~6 µs per lookup. Offsets are cached per
 * zone in 15-minute buckets of UTC time. A bucket is cached only once the
 * offset at its first and at its last millisecond agree (then the whole
 * bucket has that offset: no zone changes its offset twice within 15
 * minutes); a bucket that holds a transition is marked and always asks Intl.
 * That check costs two lookups, so it is made at a bucket's SECOND use: an
 * instant seen once (a card's last review) costs one lookup, as without the
 * cache, and "now" costs none after its second use. Cached and uncached
 * lookups agree to the millisecond (tests/unit/srs/study-day-cache.test.ts).
 */
const OFFSET_BUCKET_MS = 15 * 60_000;
/** Per zone; a zone's maps are emptied when they reach this many buckets (~7 months of 15-minute buckets). */
const OFFSET_CACHE_LIMIT = 20_000;
const MIXED = Number.NaN; // bucket with a transition inside
const offsetCaches = new Map<string, { verified: Map<number, number>; seen: Set<number> }>();

function offsetAt(ms: number, timeZone: string): number {
  let cache = offsetCaches.get(timeZone);
  if (cache === undefined) {
    formatter(timeZone); // RangeError for an unknown zone, before anything is cached
    cache = { verified: new Map(), seen: new Set() };
    offsetCaches.set(timeZone, cache);
  }
  const bucket = Math.floor(ms / OFFSET_BUCKET_MS);
  let offset = cache.verified.get(bucket);
  if (offset === undefined) {
    if (!cache.seen.has(bucket)) {
      if (cache.seen.size >= OFFSET_CACHE_LIMIT) cache.seen.clear();
      cache.seen.add(bucket);
      return exactWallClockMs(ms, timeZone) - ms;
    }
    const first = bucket * OFFSET_BUCKET_MS;
    const last = first + OFFSET_BUCKET_MS - 1;
    const a = exactWallClockMs(first, timeZone) - first;
    const b = exactWallClockMs(last, timeZone) - last;
    offset = a === b ? a : MIXED;
    if (cache.verified.size >= OFFSET_CACHE_LIMIT) cache.verified.clear();
    cache.verified.set(bucket, offset);
  }
  return Number.isNaN(offset) ? exactWallClockMs(ms, timeZone) - ms : offset;
}

/**
 * The local wall-clock time of `at` in `timeZone`, expressed as a UTC epoch
 * number (i.e. "what a clock on the wall shows", as if it were UTC).
 */
export function wallClockMs(at: Date | number, timeZone: string): number {
  const ms = toMs(at);
  return ms + offsetAt(ms, timeZone);
}

/** UTC offset of `timeZone` at instant `at`, in ms (Berlin in summer: +7 200 000). */
export function utcOffsetMs(at: Date | number, timeZone: string): number {
  return wallClockMs(at, timeZone) - toMs(at);
}

/**
 * The instant at which the wall clock in `timeZone` shows `wall` (a wall
 * time encoded as UTC epoch ms). Gap → first instant after the gap;
 * repeated hour → first occurrence. Same candidate approach as the Temporal
 * polyfill: try the offsets in force a day before and a day after.
 */
export function wallToInstant(wall: number, timeZone: string): number {
  const before = wall - utcOffsetMs(wall - DAY_MS, timeZone);
  const after = wall - utcOffsetMs(wall + DAY_MS, timeZone);
  const valid = [before, after].filter((c) => wallClockMs(c, timeZone) === wall);
  if (valid.length > 0) return Math.min(...valid);
  // In a gap: find the first instant whose wall time is ≥ `wall`.
  let lo = Math.min(before, after); // wall clock < wall
  let hi = Math.max(before, after); // wall clock > wall
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallClockMs(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function labelOfUtcDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** Days since 1970-01-01 of a "YYYY-MM-DD" label. Throws on a malformed label. */
export function dayIndex(label: string): number {
  const m = LABEL_RE.exec(label);
  if (!m) throw new RangeError(`Invalid study-day label: ${label}`);
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const ms = d.getTime();
  if (labelOfUtcDate(ms) !== label) throw new RangeError(`Invalid study-day label: ${label}`);
  return Math.round(ms / DAY_MS);
}

/** Inverse of dayIndex. */
export function labelOfDayIndex(index: number): string {
  if (!Number.isInteger(index)) throw new RangeError(`Invalid day index: ${index}`);
  return labelOfUtcDate(index * DAY_MS);
}

/** `label` moved by `days` (may be negative). */
export function addDays(label: string, days: number): string {
  return labelOfDayIndex(dayIndex(label) + days);
}

/** Whole study days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayIndex(to) - dayIndex(from);
}

/**
 * The "study-day clock" of an instant: its wall time minus `startHour`, as a
 * UTC epoch number. Its UTC calendar date IS the study-day label. scheduler.ts
 * feeds these to ts-fsrs, which counts elapsed days by UTC calendar date.
 */
export function studyDayClockMs(at: Date | number, timeZone: string, startHour: number): number {
  checkStartHour(startHour);
  return wallClockMs(at, timeZone) - startHour * HOUR_MS;
}

/** Label ("YYYY-MM-DD") of the study day containing `at`. */
export function studyDayOf(at: Date | number, timeZone: string, startHour: number): string {
  return labelOfUtcDate(studyDayClockMs(at, timeZone, startHour));
}

/** Day starts already computed, by zone, start hour and label (a pure function of the three). */
const dayStarts = new Map<string, number>();
const DAY_START_CACHE_LIMIT = 5_000;

/** The instant the study day `label` starts. */
export function studyDayStart(label: string, timeZone: string, startHour: number): Date {
  checkStartHour(startHour);
  const key = `${timeZone}|${startHour}|${label}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    const wall = dayIndex(label) * DAY_MS + startHour * HOUR_MS;
    start = wallToInstant(wall, timeZone);
    if (dayStarts.size >= DAY_START_CACHE_LIMIT) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return new Date(start);
}

/** The last study day `nextDayStart` was asked about, per zone and start hour: [start, next start). */
const lastDay = new Map<string, { start: number; next: number }>();

/** The instant the study day after the one containing `now` starts. */
export function nextDayStart(now: Date | number, timeZone: string, startHour: number): Date {
  const ms = toMs(now);
  const key = `${timeZone}|${startHour}`;
  const day = lastDay.get(key);
  if (day !== undefined && day.start <= ms && ms < day.next) return new Date(day.next);
  const label = studyDayOf(ms, timeZone, startHour);
  const start = studyDayStart(label, timeZone, startHour).getTime();
  const next = studyDayStart(addDays(label, 1), timeZone, startHour).getTime();
  lastDay.set(key, { start, next });
  return new Date(next);
}

/**
 * Current streak: consecutive study days with activity ending today — or
 * ending yesterday, because a streak is not broken until today is over
 * (Anki/Duolingo behaviour). `activeDays` may be unsorted and repeat.
 */
export function streakLength(activeDays: Iterable<string>, today: string): number {
  const set = new Set<number>();
  for (const label of activeDays) set.add(dayIndex(label));
  let day = dayIndex(today);
  if (!set.has(day)) day -= 1;
  let n = 0;
  while (set.has(day)) {
    n += 1;
    day -= 1;
  }
  return n;
}
