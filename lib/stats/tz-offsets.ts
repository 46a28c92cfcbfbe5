/**
 * Study days for SQL: a time zone's UTC offset as a piecewise-constant
 * function of the instant, so that SQL can compute the study day of millions
 * of timestamps with integer arithmetic instead of calling Intl per row.
 *
 * lib/srs/study-day.ts defines the study day of an instant `t` as the UTC
 * calendar date of `wall(t) − startHour`, where wall(t) = t + utcOffset(t).
 * Hence, with DAY = 86 400 000 ms,
 *
 *     studyDayIndex(t) = floor((t + utcOffset(t) − startHour·3 600 000) / DAY)
 *
 * which is exactly `dayIndex(studyDayOf(t, tz, startHour))`. The offset is
 * constant between DST transitions, so a short list of transitions (about two
 * a year) is all SQL needs: `CASE WHEN t < T1 THEN o0 WHEN t < T2 THEN o1 …`.
 *
 * Transitions are found by sampling the offset every 24 hours (via lib/srs's
 * `utcOffsetMs`, i.e. the runtime's tz database) and bisecting each change to
 * the millisecond. Two changes less than 24 hours apart that cancel out would
 * be missed; no zone in the current tz database does that. Results are cached
 * per (zone, UTC year): past years never change.
 *
 * The table is exact inside the range it was built for; outside it, the first
 * (or last) offset is extended.
 */
import { utcOffsetMs } from "../srs";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface OffsetTable {
  timeZone: string;
  /** Instants at which the offset changes, ascending. */
  changes: number[];
  /** offsets[0] applies before changes[0]; offsets[i] from changes[i-1] on. Length changes.length + 1. */
  offsets: number[];
}

interface YearTable {
  start: number;
  changes: number[];
  offsets: number[];
}

const yearCache = new Map<string, YearTable>();
const YEAR_CACHE_LIMIT = 2000;

function yearStart(year: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, 0, 1);
  return d.getTime();
}

function yearTable(timeZone: string, year: number): YearTable {
  const key = `${timeZone}|${year}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  const start = yearStart(year);
  const end = yearStart(year + 1);
  const changes: number[] = [];
  const offsets: number[] = [];
  let a = start;
  let oa = utcOffsetMs(start, timeZone);
  offsets.push(oa);
  while (a < end) {
    const b = Math.min(a + DAY_MS, end);
    if (utcOffsetMs(b, timeZone) === oa) {
      a = b;
      continue;
    }
    // Smallest instant in (a, b] whose offset differs from oa.
    let lo = a;
    let hi = b;
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (utcOffsetMs(mid, timeZone) === oa) lo = mid;
      else hi = mid;
    }
    a = hi;
    oa = utcOffsetMs(hi, timeZone);
    changes.push(hi);
    offsets.push(oa);
  }
  const table = { start, changes, offsets };
  if (yearCache.size >= YEAR_CACHE_LIMIT) yearCache.clear();
  yearCache.set(key, table);
  return table;
}

/**
 * The offset function of `timeZone`, exact for instants in [from, to].
 * Throws RangeError for an unknown zone (as Intl does).
 */
export function offsetTable(timeZone: string, from: number, to: number): OffsetTable {
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError("offsetTable: invalid range");
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const first = new Date(lo).getUTCFullYear();
  const last = new Date(hi).getUTCFullYear();
  const changes: number[] = [];
  const offsets: number[] = [yearTable(timeZone, first).offsets[0]!];
  for (let y = first; y <= last; y++) {
    const t = yearTable(timeZone, y);
    // The offset at the start of year y may differ from the end of y-1 only
    // through a change exactly at the year boundary; record it as a change.
    if (t.offsets[0] !== offsets[offsets.length - 1]) {
      changes.push(t.start);
      offsets.push(t.offsets[0]!);
    }
    for (let i = 0; i < t.changes.length; i++) {
      changes.push(t.changes[i]!);
      offsets.push(t.offsets[i + 1]!);
    }
  }
  return { timeZone, changes, offsets };
}

/** UTC offset (ms) in force at `t` according to the table. */
export function offsetAt(table: OffsetTable, t: number): number {
  const { changes, offsets } = table;
  // Index of the last change ≤ t, plus one.
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (changes[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return offsets[lo]!;
}

/** Days since 1970-01-01 of the study day containing `t` (= dayIndex(studyDayOf(t))). */
export function studyDayIndexAt(table: OffsetTable, startHour: number, t: number): number {
  return Math.floor((t + offsetAt(table, t) - startHour * HOUR_MS) / DAY_MS);
}

/**
 * The instant study day `day` (a day index) starts: the smallest t with
 * studyDayIndexAt(t) ≥ day. Same rules as lib/srs's studyDayStart (a start
 * hour inside a DST gap → the first instant after the gap; a repeated hour →
 * its first occurrence), because both follow from the same definition.
 */
export function studyDayStartAt(table: OffsetTable, startHour: number, day: number): number {
  // Offsets are within ±14 h (+ LMT oddities), so the start lies within ±2 days of the naive guess.
  let lo = day * DAY_MS + startHour * HOUR_MS - 2 * DAY_MS; // index < day
  let hi = day * DAY_MS + startHour * HOUR_MS + 2 * DAY_MS; // index ≥ day
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (studyDayIndexAt(table, startHour, mid) >= day) hi = mid;
    else lo = mid;
  }
  return hi;
}
