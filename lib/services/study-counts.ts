// The one place that decides the study counts every page shows (issue 12 item 5;
// docs/decisions/0040-one-study-count.md): due now, learning today, due tomorrow
// and the 30-day forecast. The review header and GET /api/v1/queue (getQueue),
// the home page (getQueue per deck), the progress page and GET /api/v1/stats
// (getStats) all take them from `studyCounts`.
import { addDays, buildQueue, queueWindow, studyDayStart, type BuildQueueResult, type LearningCounts, type Settings } from "../srs";
import { dueByDay, queueCandidates, type Conn } from "../db/queue";
import { sqlite } from "../db/sqlite";

export type StudyCounts = {
  /**
   * What can be studied this minute, new cards aside: learning/relearning cards due by now (not buried) plus
   * the review cards the review page shows today (after reviewsPerDay and the sibling rule), as Anki's "due".
   */
  dueNow: number;
  /** Anki's learning count: learning/relearning cards due before the study day ends (now or later today), not buried. */
  learningToday: number;
  /** Learning and review cards whose effective due max(due, buriedUntil) falls in the next study day. */
  dueTomorrow: number;
  /**
   * Cards per study day by effective due, today first (overdue included, not capped by reviewsPerDay: what is
   * due, not what the daily limit lets you do); day 1 is `dueTomorrow`. Empty unless asked for.
   */
  forecast: { day: string; due: number }[];
};

/** The queue as built plus, when asked, the cards per later study day: the counts, decided. */
export function studyCounts(input: {
  built: Pick<BuildQueueResult<unknown>, "counts" | "dueTomorrow">;
  learningCounts: Pick<LearningCounts, "dueNow">;
  /** Labels and counts (by effective due; day 1 unused) of the forecast's days, from `dueByDay`. */
  days?: { labels: string[]; counts: number[] };
}): StudyCounts {
  const { built, learningCounts, days } = input;
  const dueTomorrow = built.dueTomorrow;
  return {
    dueNow: learningCounts.dueNow + built.counts.review,
    learningToday: built.counts.learning,
    dueTomorrow,
    forecast: days ? days.labels.map((day, i) => ({ day, due: i === 1 ? dueTomorrow : (days.counts[i] ?? 0) })) : [],
  };
}

/**
 * The counts with a forecast of `days` study days, for one deck (id) or all decks (null), on `conn` (the app's
 * connection by default; the statistics pass theirs). The queue part is getQueue's own pre-selection and
 * buildQueue, with no card fetched for display.
 */
export function readStudyCounts(opts: { deckId: number | null; now: Date; settings: Settings; days: number }, conn: Conn = sqlite()): StudyCounts {
  const { deckId, now, settings, days } = opts;
  const { today: _figures, ...candidates } = queueCandidates({ deckId, limit: 0, now, settings }, conn);
  const built = buildQueue({ ...candidates, now, settings, limit: 0 });
  const today = queueWindow(now, settings).today;
  const labels = Array.from({ length: days }, (_, i) => addDays(today, i));
  const starts = [...labels, addDays(today, days)].map((d) => studyDayStart(d, settings.timezone, settings.dayStartHour).getTime());
  const counts = dueByDay(deckId, starts, new Set([1]), conn);
  return studyCounts({ built, learningCounts: candidates.learningCounts ?? { dueNow: 0 }, days: { labels, counts } });
}
