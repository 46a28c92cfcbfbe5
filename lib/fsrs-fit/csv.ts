/**
 * The review-log CSV that fsrs-rs and @open-spaced-repetition/binding read:
 * `card_id,review_time,review_rating,review_state,review_duration` (header
 * required, columns found by name; times and durations in milliseconds).
 */
import type { HistoryEntry } from "./items";

export interface CsvReview extends HistoryEntry {
  durationMs: number;
}

const COLUMNS = ["card_id", "review_time", "review_rating", "review_state", "review_duration"] as const;

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseRevlogCsv(text: string): CsvReview[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? "").split(",").map((h) => h.trim());
  const index = COLUMNS.map((c) => header.indexOf(c));
  const missing = COLUMNS.filter((_, i) => index[i] === -1);
  if (missing.length) throw new CsvError(1, `missing column(s) ${missing.join(", ")}`);
  const [ci, ti, ri, si, di] = index as [number, number, number, number, number];
  const out: CsvReview[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.trim() === "") continue;
    const f = line.split(",");
    const num = (i: number, what: string) => {
      const v = Number(f[i]);
      if (f[i] === undefined || f[i]!.trim() === "" || !Number.isFinite(v)) {
        throw new CsvError(n + 1, `${what} is not a number: ${JSON.stringify(f[i] ?? "")}`);
      }
      return v;
    };
    out.push({
      cardId: (f[ci] ?? "").trim(),
      reviewTime: num(ti, "review_time"),
      rating: num(ri, "review_rating"),
      state: num(si, "review_state"),
      durationMs: num(di, "review_duration"),
    });
  }
  return out;
}
