// Formatting shared by the charts and their tables. Units are names, not
// functions, so that server pages can pass them to the client charts.
export type Unit = "count" | "percent" | "minutes" | "seconds" | "days";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-11-30" → "30 Nov". */
export function shortDay(label: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (!m) return label;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]}`;
}

/** "2026-11-30" → "Mon 30 Nov 2026". */
export function longDay(label: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (!m) return label;
  const wd = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][new Date(`${label}T00:00:00Z`).getUTCDay()];
  return `${wd} ${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

export function formatValue(v: number | null | undefined, unit: Unit = "count"): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "—";
  switch (unit) {
    case "percent":
      return `${(v * 100).toFixed(1)}%`;
    case "minutes":
      return v < 1 && v > 0 ? `${Math.round(v * 60)} s` : `${v.toFixed(v < 10 ? 1 : 0)} min`;
    case "seconds":
      return `${v.toFixed(1)} s`;
    case "days":
      return `${v} d`;
    default:
      return String(Math.round(v * 100) / 100);
  }
}

/** Axis ticks: short forms. */
export function formatTick(v: number, unit: Unit = "count"): string {
  switch (unit) {
    case "percent":
      return `${Math.round(v * 100)}%`;
    case "minutes":
      return v > 0 && v < 1 ? `${Math.round(v * 60)}s` : `${v}m`;
    case "seconds":
      return `${v}s`;
    case "days":
      return `${v}d`;
    default:
      return String(v);
  }
}
