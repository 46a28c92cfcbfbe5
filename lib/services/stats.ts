/**
 * getStats: the "Progress" figures for one deck or all decks at `now`.
 * Definitions are documented on the types (./types.ts); the choices:
 *
 * - TRUE RETENTION: Anki's — first answer of the study day, review screen
 *   only, card in the Review state (lib/stats/answers.ts). YOUNG / MATURE: by the
 *   interval the card had BEFORE the answer (revlog.lastIvl < 21 days =
 *   young). That is ReviewLog.scheduled_days: ts-fsrs 5 writes the card's
 *   pre-answer scheduled_days into the log (its log holds the card as it was
 *   before the answer, like `state`, `stability`). Passed = rating > 1
 *   (Hard counts as passed, as in Anki).
 * - RETRIEVABILITY: lib/srs's definition (FSRS curve, elapsed = whole study
 *   days since last_review), on the card's deck's curve (its preset's
 *   weights, else the global ones; lib/srs recallCurve). New cards have R = 0.
 * - MASTERY: share of live cards (suspended and new ones included, new ones
 *   count as not mastered) whose predicted recall 30 study days from today
 *   (MASTERY_HORIZON_DAYS) is ≥ 0.9 (MASTERY_THRESHOLD, fixed so that the
 *   figure does not move when the desired retention is changed) and whose
 *   last answer was not Again. "Recall now ≥ 90%" would count every card
 *   seen today (R = 1 at 0 days), failed or not.
 * - CARDS YOU WOULD RECALL (`known`): Σ predicted recall at max(1, elapsed)
 *   study days over reviewed cards — see types.ts.
 * - STREAK: a study day with ≥ 1 answer (either source) is active; the
 *   streak ends today, or yesterday while today has no answer yet; days are
 *   computed with the current time zone and start hour.
 * - BUTTONS / SOURCES: answers of the last ANSWER_PERIOD_DAYS study days
 *   (read from the covering index ReviewLog(reviewedAt, cardId, state,
 *   rating, source, scheduled_days, durationMs); all time would mean
 *   grouping every answer ever given).
 * - FORECAST / today.due / learningToday / dueTomorrow: decided by
 *   ./study-counts.ts for every page (the review header's numbers). The forecast counts learning, relearning and review cards that are not
 *   suspended or leeches, by effective due date max(due, buriedUntil);
 *   overdue cards count on day 0. Not capped by reviewsPerDay.
 * - newLeft: new cards (not suspended, leech or buried) still available
 *   today, at most newPerDay minus the new cards answered today. With a deck
 *   key, both sides are counted within that deck.
 */
import { sqlite } from "../db/sqlite";
import { peekSettings } from "../db/settings";
import { findDeckByKey } from "../db/decks";
import { deckNotFound, type Failure } from "./outcomes";
import { readStudyCounts } from "./study-counts";
import {
  anyAnswerInRanges,
  answersPerStudyDay,
  clockWithin,
  countAnswersBySlots,
  countAnswersInRanges,
  deckLogFilter,
  deckWeights,
  firstAnswerAt,
  listStatsDecks,
  type DayClock,
  type Db,
} from "../db/stats-queries";
import { answerFigures } from "../db/stats-answers";
import { cardFigures } from "../db/stats-cards";
import { weakNoteCards, weakNotes } from "../db/stats-items";
import { isValidTimeZone, labelOfDayIndex, recallCurve, withPreset, type RecallCurve, type Settings } from "../srs";
import { buttonsByState, dailyActivity, dailyRetention, retentionOver } from "../stats/answers";
import { DIFFICULTY_EDGES, RETRIEVABILITY_EDGES, STABILITY_EDGES, makeBuckets } from "../stats/buckets";
import { currentStreak, longestStreak } from "../stats/streak";
import { DAY_MS, offsetTable, studyDayIndexAt, studyDayStartAt } from "../stats/tz-offsets";
import type { ButtonCounts, GetStatsInput, Stats } from "../stats/types";
import { weakItems } from "../stats/weak-items";
import {
  ANSWER_PERIOD_DAYS,
  FORECAST_DAYS,
  HEATMAP_DAYS,
  MASTERY_HORIZON_DAYS,
  MASTERY_THRESHOLD,
  MATURE_INTERVAL_DAYS,
  NOTE_KINDS,
  WEAK_KINDS,
  WEAKEST_LIMIT,
} from "../stats/constants";

export class DeckNotFoundError extends Error {
  override name = "DeckNotFoundError";
  constructor(readonly deckKey: string) {
    super(`No deck with key "${deckKey}"`);
  }
}

/** The settings row, read like the scheduler reads it; checked because SQL is built from them. */
function loadSettings(client: Db): Settings {
  const s = peekSettings(client);
  if (!isValidTimeZone(s.timezone)) throw new RangeError(`Settings.timezone is not a valid IANA time zone: ${s.timezone}`);
  if (!Number.isInteger(s.dayStartHour) || s.dayStartHour < 0 || s.dayStartHour > 23) {
    throw new RangeError(`Settings.dayStartHour must be an integer 0–23, got ${s.dayStartHour}`);
  }
  return s;
}

/** The recall curve of each deck's cards: its preset's weights over the global ones (decision 0037). */
function deckCurves(settings: Settings, weights: ReadonlyMap<number, number[]>): (deckId: number) => RecallCurve {
  const global = recallCurve(settings);
  const own = new Map([...weights].map(([id, w]) => [id, recallCurve(withPreset(settings, { desiredRetention: null, weights: w }))]));
  return (deckId) => own.get(deckId) ?? global;
}

/**
 * Progress statistics, computed at `input.now` (never the system clock). Throws DeckNotFoundError for an unknown deck key.
 * `client` defaults to the app's connection.
 */
export async function getStats(input: GetStatsInput, client: Db = sqlite()): Promise<Stats> {
  const now = input.now.getTime();
  if (!Number.isFinite(now)) throw new RangeError("getStats: invalid `now`");
  const settings = loadSettings(client);
  const decks = await listStatsDecks(client, input.deckKey);
  if (input.deckKey !== undefined && decks.length === 0) throw new DeckNotFoundError(input.deckKey);
  const deckId = input.deckKey === undefined ? null : decks[0]!.id;
  const H = settings.dayStartHour;

  // The zone's offsets from the first answer (or a year back) to past the forecast.
  const first = await firstAnswerAt(client, now);
  const tableFrom = Math.min(first ?? now, now - (HEATMAP_DAYS + 2) * DAY_MS);
  const table = offsetTable(settings.timezone, tableFrom, now + (FORECAST_DAYS + 2) * DAY_MS);
  const clock: DayClock = { startHour: H, changes: table.changes, offsets: table.offsets };
  const dayIndex = (t: number) => studyDayIndexAt(table, H, t);
  const dayStart = (d: number) => studyDayStartAt(table, H, d);
  const today = dayIndex(now);
  const todayStart = dayStart(today);
  const nextDayStart = dayStart(today + 1);

  // Answers per study day: the heatmap, and every active day for the streaks.
  const heatFirst = today - HEATMAP_DAYS + 1;
  const heatCounts = new Array<number>(HEATMAP_DAYS).fill(0);
  const active: number[] = [];
  const filter = await deckLogFilter(client, deckId);
  if (first !== null && filter.kind !== "cards") {
    // All decks, or a deck whose cards are one range of ids: a count per
    // heatmap day — for all decks the days before today are sums of ReviewSlot
    // (15-minute slots), else index range counts on ReviewLog, and today (up
    // to `now`) always from ReviewLog — and one index probe per older day.
    const past: [number, number][] = [];
    for (let d = heatFirst; d < today; d++) past.push([dayStart(d), dayStart(d + 1)]);
    const todayRange: [number, number] = [dayStart(today), now + 1];
    const fromSlots = filter.kind === "all" ? countAnswersBySlots(client, past) : null;
    const dayCounts = fromSlots
      ? [...fromSlots, ...(await countAnswersInRanges(client, [todayRange], filter))]
      : await countAnswersInRanges(client, [...past, todayRange], filter);
    dayCounts.forEach((n, i) => {
      heatCounts[i] = n;
      if (n > 0) active.push(heatFirst + i);
    });
    const firstDay = dayIndex(first);
    const older: [number, number][] = [];
    for (let d = firstDay; d < heatFirst; d++) older.push([dayStart(d), dayStart(d + 1)]);
    (await anyAnswerInRanges(client, older, filter)).forEach((yes, i) => {
      if (yes) active.push(firstDay + i);
    });
  } else if (first !== null && deckId !== null) {
    // A deck whose cards are interleaved with other decks' (by id): answers
    // grouped by study day in SQL, over the deck's cards' logs.
    for (const { day, count } of await answersPerStudyDay(client, deckId, clock, now)) {
      active.push(day);
      if (day >= heatFirst && day <= today) heatCounts[day - heatFirst] = count;
    }
  }

  // Answers of the last 30 study days: today, activity, retention, buttons.
  const periodFirst = today - ANSWER_PERIOD_DAYS + 1;
  const periodStart = dayStart(periodFirst);
  const { groups, repeats } = answerFigures(client, {
    filter,
    from: periodStart,
    now,
    clock: clockWithin(clock, periodStart, nextDayStart),
    matureDays: MATURE_INTERVAL_DAYS,
  });

  // Cards: one pass. Recall curves are each deck's (its preset's weights, else the global ones).
  const curveOf = deckCurves(settings, deckWeights(client));
  const card = cardFigures(client, deckId, {
    now,
    today,
    todayStart,
    dayIndex,
    curveOf,
    masteryThreshold: MASTERY_THRESHOLD,
    masteryHorizonDays: MASTERY_HORIZON_DAYS,
    stabilityEdges: STABILITY_EDGES,
    weakKinds: WEAK_KINDS,
    // A few cards per item to spare: an item has a handful of cards.
    weakCandidates: WEAKEST_LIMIT * 8,
  });
  const weakIds = [...new Set(card.weakest.map((w) => w.noteId))].slice(0, WEAKEST_LIMIT);
  const weak = weakItems(weakNotes(client, weakIds), weakNoteCards(client, weakIds), {
    today,
    dayIndex,
    curveOf,
    masteryThreshold: MASTERY_THRESHOLD,
    masteryHorizonDays: MASTERY_HORIZON_DAYS,
  });

  // Due now, learning today, due tomorrow and the forecast: decided once, for every page (./study-counts.ts).
  const study = readStudyCounts({ deckId, now: input.now, settings, days: FORECAST_DAYS }, client);
  const byKind = new Map<string, { cards: number; mastered: number }>();
  for (const [kind, t] of card.byKind) {
    const name = (NOTE_KINDS as readonly string[]).includes(kind) ? kind : "other";
    const k = byKind.get(name) ?? { cards: 0, mastered: 0 };
    k.cards += t.cards;
    k.mastered += t.mastered;
    byKind.set(name, k);
  }
  const { counts, newAvailable, known, reviewedCards, overdue } = card;
  const byDeck = card.byDeck;
  const byTopic = card.byTopic;

  const todayGroups = groups.filter((g) => g.day === today);
  const introducedToday = todayGroups.filter((g) => g.state === 0).reduce((n, g) => n + g.count, 0);
  const buttons: { review: ButtonCounts; quiz: ButtonCounts } = { review: [0, 0, 0, 0], quiz: [0, 0, 0, 0] };
  const sources = { review: 0, quiz: 0 };
  for (const g of groups) {
    if (g.source !== "review" && g.source !== "quiz") continue;
    sources[g.source] += g.count;
    const counts = buttons[g.source];
    const i = g.rating - 1;
    if (i >= 0 && i < 4) counts[i] = (counts[i] ?? 0) + g.count;
  }
  const share = (mastered: number, cards: number) => (cards === 0 ? null : mastered / cards);
  const reviewsDone = todayGroups.reduce((n, g) => n + g.count, 0);
  const timeSpentMs = todayGroups.reduce((n, g) => n + g.durationMs, 0);
  const byName = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  return {
    day: {
      today: labelOfDayIndex(today),
      start: new Date(todayStart),
      nextStart: new Date(nextDayStart),
      timezone: settings.timezone,
      dayStartHour: H,
    },
    today: {
      due: study.dueNow,
      learningToday: study.learningToday,
      dueTomorrow: study.dueTomorrow,
      newLeft: Math.min(newAvailable, Math.max(0, settings.newPerDay - introducedToday)),
      reviewsDone,
      timeSpentMs,
      secondsPerCard: reviewsDone === 0 ? null : timeSpentMs / reviewsDone / 1000,
      overdue,
      streak: currentStreak(active, today),
      longestStreak: longestStreak(active),
    },
    heatmap: heatCounts.map((count, i) => ({ day: labelOfDayIndex(heatFirst + i), count })),
    forecast: study.forecast,
    activity: dailyActivity(groups, periodFirst, today),
    retention: {
      desired: settings.desiredRetention,
      daily: dailyRetention(groups, repeats, periodFirst, today),
      day: retentionOver(groups, repeats, today, today),
      week: retentionOver(groups, repeats, today - 6, today),
      month: retentionOver(groups, repeats, periodFirst, today),
    },
    counts,
    distributions: {
      stability: makeBuckets(STABILITY_EDGES, card.stability, "d"),
      difficulty: makeBuckets(DIFFICULTY_EDGES, card.difficulty, "", 10),
      retrievability: makeBuckets(RETRIEVABILITY_EDGES, card.retrievability, "", 1),
    },
    known,
    reviewedCards,
    buttons,
    buttonsByState: buttonsByState(groups),
    sources,
    mastery: {
      horizonDays: MASTERY_HORIZON_DAYS,
      threshold: MASTERY_THRESHOLD,
      deck: decks.map((d) => {
        const c = byDeck.get(d.id) ?? { cards: 0, mastered: 0 };
        return { key: d.key, title: d.title, share: share(c.mastered, c.cards), cards: c.cards, mastered: c.mastered };
      }),
      topic: byName(byTopic).map(([topic, t]) => ({ topic, cards: t.cards, mastered: t.mastered, share: share(t.mastered, t.cards) })),
      kind: byName(byKind).map(([kind, t]) => ({ kind, cards: t.cards, mastered: t.mastered, share: share(t.mastered, t.cards) })),
    },
    weakest: weak.map(({ noteId: _id, ...w }) => w),
  };
}

export type StatsResult = { ok: true; stats: Stats } | Failure;

/** Use case: the Progress figures, for one deck (by key) or all decks. */
export async function readStats(input: GetStatsInput): Promise<StatsResult> {
  if (input.deckKey !== undefined && findDeckByKey(input.deckKey) === null) return deckNotFound(input.deckKey);
  return { ok: true, stats: await getStats(input) };
}
