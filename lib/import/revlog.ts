// Anki review history → the reviews Cardinal keeps as imported history (for
// fitting the memory model). Pure: rows in, kept reviews and a summary out.
// Two sources meet here: Anki's revlog table (from a .colpkg/.apkg, or its
// columns as CSV) and the fsrs-rs CSV layout.
//
// Anki revlog `type`: 0 learn, 1 review, 2 relearn, 3 filtered (cram), 4 manual
// reschedule, 5 rescheduled by the FSRS helper. Only real answers are
// history: 3, 4 and 5 are skipped and counted, as is `ease` 0 (a manual entry).

export type ImportedRow = {
  sourceCardId: number;
  /** Epoch ms. */
  reviewTime: number;
  rating: 1 | 2 | 3 | 4;
  /** State before the review: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: 0 | 1 | 2 | 3;
  durationMs: number;
};

export type SkipReason = "manual" | "cram" | "rescheduled" | "invalid";

export const SKIP_LABELS: Record<SkipReason, string> = {
  manual: "manual reschedules (Anki revlog type 4, or no rating)",
  cram: "cram / filtered-deck reviews (type 3)",
  rescheduled: "reschedules by Anki's FSRS helper (type 5)",
  invalid: "rows with an unreadable card, time or rating",
};

export type ImportSummary = {
  format: "anki-collection" | "anki-revlog-csv" | "fsrs-csv";
  reviews: number;
  cards: number;
  /** ISO dates of the first and last kept review (null when none). */
  from: string | null;
  to: string | null;
  ratings: { again: number; hard: number; good: number; easy: number };
  skipped: Record<SkipReason, number>;
};

/** One revlog row as Anki stores it (id = review time in ms, cid = card id, time = ms spent). */
export type AnkiRevlogRow = { id: number; cid: number; ease: number; type: number; time: number };

/** fsrs-rs layout: review_state 0–3, or 4 for a filtered-deck (cram) review. */
export type FsrsCsvRow = { cardId: number; time: number; rating: number; state: number; duration: number };

export type Converted = { rows: ImportedRow[]; skipped: Record<SkipReason, number> };

const noSkips = (): Record<SkipReason, number> => ({ manual: 0, cram: 0, rescheduled: 0, invalid: 0 });
const isRating = (n: number): n is 1 | 2 | 3 | 4 => n === 1 || n === 2 || n === 3 || n === 4;
// Anki stores at most 60 s of answer time; a negative or absurd value is kept as 0 rather than dropping a real answer.
const duration = (ms: number) => (Number.isFinite(ms) && ms >= 0 && ms <= 3_600_000 ? Math.round(ms) : 0);
const okId = (n: number) => Number.isSafeInteger(n) && n > 0;

export function fromAnkiRevlog(input: Iterable<AnkiRevlogRow>): Converted {
  const skipped = noSkips();
  const sorted = [...input].sort((a, b) => a.cid - b.cid || a.id - b.id);
  const rows: ImportedRow[] = [];
  let lastCard = NaN;
  for (const r of sorted) {
    if (!okId(r.cid) || !okId(r.id)) {
      skipped.invalid++;
      continue;
    }
    if (r.type === 4 || r.ease === 0) {
      skipped.manual++;
      continue;
    }
    if (r.type === 3) {
      skipped.cram++;
      continue;
    }
    if (r.type === 5) {
      skipped.rescheduled++;
      continue;
    }
    if (!isRating(r.ease) || r.type < 0 || r.type > 2) {
      skipped.invalid++;
      continue;
    }
    // A learning step is New when it is the card's first answer, Learning after.
    const state = r.type === 1 ? 2 : r.type === 2 ? 3 : r.cid !== lastCard ? 0 : 1;
    rows.push({ sourceCardId: r.cid, reviewTime: r.id, rating: r.ease, state, durationMs: duration(r.time) });
    lastCard = r.cid;
  }
  return { rows, skipped };
}

export function fromFsrsCsv(input: Iterable<FsrsCsvRow>): Converted {
  const skipped = noSkips();
  const rows: ImportedRow[] = [];
  for (const r of input) {
    if (!okId(r.cardId) || !okId(r.time)) skipped.invalid++;
    else if (r.state === 4) skipped.cram++;
    else if (r.rating === 0) skipped.manual++;
    else if (!isRating(r.rating) || !(r.state === 0 || r.state === 1 || r.state === 2 || r.state === 3)) skipped.invalid++;
    else rows.push({ sourceCardId: r.cardId, reviewTime: r.time, rating: r.rating, state: r.state, durationMs: duration(r.duration) });
  }
  rows.sort((a, b) => a.sourceCardId - b.sourceCardId || a.reviewTime - b.reviewTime);
  return { rows, skipped };
}

const RATING_NAMES = ["again", "hard", "good", "easy"] as const;

export function summarize(format: ImportSummary["format"], c: Converted): ImportSummary {
  const ratings = { again: 0, hard: 0, good: 0, easy: 0 };
  const cards = new Set<number>();
  let from = Infinity;
  let to = -Infinity;
  for (const r of c.rows) {
    cards.add(r.sourceCardId);
    if (r.reviewTime < from) from = r.reviewTime;
    if (r.reviewTime > to) to = r.reviewTime;
    ratings[RATING_NAMES[r.rating - 1]!]++;
  }
  return {
    format,
    reviews: c.rows.length,
    cards: cards.size,
    from: c.rows.length ? new Date(from).toISOString() : null,
    to: c.rows.length ? new Date(to).toISOString() : null,
    ratings,
    skipped: c.skipped,
  };
}

export class ImportError extends Error {
  override name = "ImportError";
}

const FSRS_HEADER = ["card_id", "review_time", "review_rating", "review_state", "review_duration"];
const ANKI_HEADER = ["id", "cid", "usn", "ease", "ivl", "lastIvl", "factor", "time", "type"];

/** A revlog CSV in either layout, told apart by its header line. Throws ImportError. */
export function parseRevlogCsv(text: string): { format: "fsrs-csv" | "anki-revlog-csv"; converted: Converted } {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? "")
    .replace(/^\uFEFF/, "")
    .split(",")
    .map((h) => h.trim().replace(/^"|"$/g, ""));
  const same = (want: string[]) => want.every((w, i) => header[i] === w);
  const fsrs = same(FSRS_HEADER);
  const anki = !fsrs && same(ANKI_HEADER);
  if (!fsrs && !anki) {
    throw new ImportError(
      `this CSV is not a review history: its first line must be "${FSRS_HEADER.join(",")}" (fsrs-rs) or "${ANKI_HEADER.join(",")}" (Anki revlog)`,
    );
  }
  const cells: number[][] = [];
  let bad = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    const parts = line.split(",");
    const nums = parts.map(Number);
    if (parts.length < header.length || nums.some((n) => !Number.isFinite(n))) bad++;
    else cells.push(nums);
  }
  if (cells.length === 0) throw new ImportError(bad > 0 ? "no readable review rows in this CSV (is it truncated?)" : "this CSV has a header but no reviews");
  const converted = fsrs
    ? fromFsrsCsv(
        cells.map(([cardId, time, rating, state, duration]) => ({ cardId: cardId!, time: time!, rating: rating!, state: state!, duration: duration! })),
      )
    : fromAnkiRevlog(cells.map(([id, cid, , ease, , , , time, type]) => ({ id: id!, cid: cid!, ease: ease!, time: time!, type: type! })));
  converted.skipped.invalid += bad;
  return { format: fsrs ? "fsrs-csv" : "anki-revlog-csv", converted };
}
