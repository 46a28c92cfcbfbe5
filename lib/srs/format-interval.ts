/**
 * Short interval labels like Anki's answer buttons: "<1m", "10m", "1.5h",
 * "3d", "2mo", "1.2y".
 *
 * Units follow Anki: a month is 30 days, a year 365 days; minutes and days
 * are whole, hours/months/years get one decimal (dropped when .0). A value
 * that rounds up to the next unit's threshold is shown in that unit ("60m" →
 * "1h", "29.7d" → "1mo"), so labels stay monotonic in the interval.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

function oneDecimal(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

export function formatInterval(ms: number): string {
  if (Number.isNaN(ms)) throw new RangeError("formatInterval: NaN");
  if (ms < MIN) return "<1m"; // also negative (already due)
  if (Math.round(ms / MIN) < 60) return `${Math.round(ms / MIN)}m`;
  if (Math.round((ms / HOUR) * 10) / 10 < 24) return `${oneDecimal(ms / HOUR)}h`;
  if (Math.round(ms / DAY) < 30) return `${Math.round(ms / DAY)}d`;
  if (Math.round((ms / MONTH) * 10) / 10 < 12 && ms < YEAR) return `${oneDecimal(ms / MONTH)}mo`;
  if (!Number.isFinite(ms)) return "∞";
  return `${oneDecimal(ms / YEAR)}y`;
}
