// Reads what lib/srs's buildQueue needs, pre-filtered and pre-counted in SQL so
// the queue stays fast at 100k cards (see "WHAT THE CALLER MUST PASS" and
// "COUNTED BY THE CALLER" in lib/srs/queue.ts).
//
// Cost model (100k cards, 1M logs): every card query walks one of the partial
// indexes of prisma/migrations/20261129020000_queue_indexes in its ORDER BY
// order and stops at its LIMIT; the learning cards and the reviews due
// tomorrow are only counted, from the index alone. So a fetch reads a few
// hundred table rows whatever the collection's size.
import { queueWindow, type BuildQueueInput, type CardRow, type LearningCounts, type ReviewsDueTomorrow, type Settings } from "../srs";
import type Database from "better-sqlite3";
import { prepared, sqlite } from "./sqlite";
import { CARD_COLUMNS, toCardRow, type RawCard } from "./card-rows";

export type Conn = Database.Database;

// Siblings and burials can skip candidates; fetch this many extra.
const HEADROOM = 50;

/**
 * Live cards: the WHERE of the partial queue indexes, verbatim. SQLite uses a
 * partial index only when the query repeats its terms literally, so every
 * card query below includes this string unchanged.
 */
const LIVE = `retired = 0 AND suspended = 0 AND leech = 0`;

export type QueueCandidates = Omit<BuildQueueInput<CardRow>, "now" | "settings" | "limit">;

/**
 * `Card` read through one of the queue's indexes, named so that a query that
 * stops matching it fails when prepared ("no query solution") instead of
 * silently scanning: for one deck the partial (deckId, state, due, id,
 * buriedUntil) or (deckId, state, position); for all decks (state, position),
 * and for the due walk the browser's (retired, state, due, id, suspended, …),
 * whose `retired = 0` comes from LIVE and whose other LIVE columns are read
 * from the index itself (decision 0076: one index less for every answer to move).
 */
const cardsBy = (deckId: number | null, order: "due" | "position") =>
  deckId === null && order === "due"
    ? "Card INDEXED BY Card_retired_state_due_idx"
    : `Card INDEXED BY Card_live_${deckId === null ? "" : "deckId_"}state_${order}_idx`;

/** `AND deckId = @deck` for one deck, nothing for all decks (`deckId IS NULL` would defeat the indexes). */
const inDeck = (deckId: number | null) => (deckId === null ? "" : "AND deckId = @deck");
const withDeck = <T extends object>(deckId: number | null, params: T): T => (deckId === null ? params : { ...params, deck: deckId });

/**
 * Today's answers: how many were of new and of review cards on the review
 * screen (quiz answers are practice and use neither daily limit), how many
 * new cards quizzes introduced, and which cards were answered (their
 * siblings are held back). CROSS JOIN keeps ReviewLog first and INDEXED BY
 * its reviewedAt covering index, so SQLite walks today's entries (a few
 * hundred) — without it, GROUP BY cardId makes the planner walk the whole
 * (cardId, reviewedAt) index in cardId order: 1M entries.
 */
function answeredToday(conn: Conn, deckId: number | null, todayStart: number) {
  const rows = prepared(
    conn,
    `SELECT c.noteId AS noteId, l.cardId AS cardId, sum(l.state = 0 AND l.source = 'review') AS newCount,
            sum(l.state = 2 AND l.source = 'review') AS reviewCount, sum(l.state = 0 AND l.source = 'quiz') AS quizNewCount,
            sum(l.source = 'review') AS answerCount
       FROM ReviewLog l INDEXED BY ReviewLog_reviewedAt_covering_idx CROSS JOIN Card c ON c.id = l.cardId
      WHERE l.reviewedAt >= @todayStart ${deckId === null ? "" : "AND c.deckId = @deck"}
      GROUP BY l.cardId`,
  ).all(withDeck(deckId, { todayStart })) as {
    noteId: number;
    cardId: number;
    newCount: number;
    reviewCount: number;
    quizNewCount: number;
    answerCount: number;
  }[];
  let answersToday = 0;
  let newToday = 0;
  let reviewsToday = 0;
  let quizNewToday = 0;
  for (const r of rows) {
    newToday += r.newCount;
    reviewsToday += r.reviewCount;
    quizNewToday += r.quizNewCount;
    answersToday += r.answerCount;
  }
  return { answersToday, newToday, reviewsToday, quizNewToday, cards: rows.map((r) => ({ noteId: r.noteId, cardId: r.cardId })) };
}

/** Mean seconds of the last 200 review-screen answers (newest by id, so the primary key is walked backwards); null before any. */
export function secondsPerCard(conn: Conn = sqlite()): number | null {
  const r = prepared(
    conn,

    `SELECT avg(durationMs) AS ms, count(*) AS n FROM (SELECT durationMs FROM ReviewLog WHERE source = 'review' ORDER BY id DESC LIMIT 200)`,
  ).get() as { ms: number | null; n: number };
  return r.n === 0 || r.ms === null ? null : Math.round(r.ms / 100) / 10;
}

/** The learning/relearning figures buildQueue's `learningCounts` takes, from the index alone. */
function learningCounts(conn: Conn, deckId: number | null, now: number, next: number, after: number): LearningCounts & { total: number } {
  const r = prepared(
    conn,
    `SELECT count(*) AS total,
            count(CASE WHEN buriedUntil > @now THEN NULL WHEN due <= @now THEN 1 END) AS dueNow,
            count(CASE WHEN buriedUntil > @now THEN NULL WHEN due > @now AND due < @next THEN 1 END) AS later,
            min(CASE WHEN buriedUntil > @now THEN NULL WHEN due > @now AND due < @next THEN due END) AS nextLaterDue,
            count(CASE WHEN max(due, coalesce(buriedUntil, 0)) >= @next AND max(due, coalesce(buriedUntil, 0)) < @after THEN 1 END) AS dueTomorrow,
            min(CASE WHEN buriedUntil > @now THEN max(due, buriedUntil) WHEN due >= @next THEN due END) AS nextAvailable
       FROM ${cardsBy(deckId, "due")}
      WHERE state IN (1, 3) AND due < @after AND ${LIVE} ${inDeck(deckId)}`,
  ).get(withDeck(deckId, { now, next, after })) as {
    total: number;
    dueNow: number;
    later: number;
    nextLaterDue: number | null;
    dueTomorrow: number;
    nextAvailable: number | null;
  };
  return {
    total: r.total,
    dueNow: r.dueNow,
    later: r.later,
    nextLaterDue: r.nextLaterDue === null ? null : new Date(r.nextLaterDue),
    dueTomorrow: r.dueTomorrow,
    nextAvailable: r.nextAvailable === null ? null : new Date(r.nextAvailable),
  };
}

/**
 * The first `n` learning (1) or relearning (3) cards due now and not buried,
 * by due then id: the index order, so SQLite stops after n rows. One query
 * per state: with `state IN (1, 3)` it would sort every due learning card.
 */
function learningDueNow(conn: Conn, deckId: number | null, state: 1 | 3, now: number, ahead: number, n: number): RawCard[] {
  return prepared(
    conn,
    `SELECT ${CARD_COLUMNS} FROM ${cardsBy(deckId, "due")}
      WHERE state = ${state} AND due <= @ahead AND (buriedUntil IS NULL OR buriedUntil <= @now) AND ${LIVE} ${inDeck(deckId)}
      ORDER BY due, id LIMIT @n`,
  ).all(withDeck(deckId, { now, ahead, n })) as RawCard[];
}

/**
 * Review cards whose effective due max(due, buriedUntil) falls tomorrow, in two index ranges: those due
 * tomorrow (the due index from nextDayStart), plus those due earlier but buried into tomorrow (the buried
 * index). One range over `due < dayAfterStart` would walk every overdue review card's entry (tens of
 * thousands at 100k cards) to find the few buried ones.
 */
function reviewsDueTomorrow(conn: Conn, deckId: number | null, next: number, after: number): ReviewsDueTomorrow {
  const r = prepared(
    conn,
    `SELECT count(CASE WHEN max(due, coalesce(buriedUntil, 0)) < @after THEN 1 END) AS count,
            min(max(due, coalesce(buriedUntil, due))) AS earliest,
            (SELECT count(*) FROM Card INDEXED BY Card_live_buried_idx
              WHERE state = 2 AND buriedUntil >= @next AND buriedUntil < @after AND due < @next AND ${LIVE} ${inDeck(deckId)}) AS buriedIn
       FROM ${cardsBy(deckId, "due")}
      WHERE state = 2 AND due >= @next AND due < @after AND ${LIVE} ${inDeck(deckId)}`,
  ).get(withDeck(deckId, { next, after })) as { count: number; earliest: number | null; buriedIn: number };
  return { count: r.count + r.buriedIn, earliest: r.earliest === null ? null : new Date(r.earliest) };
}

/**
 * Of `noteIds`, those with a learning/relearning card that is not buried and
 * due before `next`: such a card holds its siblings back (buildQueue claims
 * its note), so these join notesAnsweredToday. Looked up note by note
 * (Card's (noteId, kind) index): only the candidates' notes matter.
 */
function notesInLearning(conn: Conn, noteIds: number[], now: number, next: number): number[] {
  if (noteIds.length === 0) return [];
  return (
    prepared(
      conn,

      `SELECT DISTINCT noteId FROM Card INDEXED BY Card_noteId_kind_key
        WHERE noteId IN (SELECT value FROM json_each(@notes)) AND state IN (1, 3) AND due < @next
          AND (buriedUntil IS NULL OR buriedUntil <= @now) AND ${LIVE}`,
    ).all({ notes: JSON.stringify(noteIds), next, now }) as { noteId: number }[]
  ).map((r) => r.noteId);
}

/** The non-new card with the smallest due ≥ `after` (ties by id), for an exact nextDue when nothing is due sooner. */
function firstDueFrom(conn: Conn, deckId: number | null, after: number): RawCard | undefined {
  let best: RawCard | undefined;
  for (const state of [1, 2, 3] as const) {
    const r = prepared(
      conn,
      `SELECT ${CARD_COLUMNS} FROM ${cardsBy(deckId, "due")} WHERE state = ${state} AND due >= @after AND ${LIVE} ${inDeck(deckId)} ORDER BY due, id LIMIT 1`,
    ).get(withDeck(deckId, { after })) as RawCard | undefined;
    if (r && (!best || r.due < best.due || (r.due === best.due && r.id < best.id))) best = r;
  }
  return best;
}

/**
 * The pre-selection (docs/decisions/0003-queue-preselection.md): the cards that
 * can be among the first `limit` items and the figures counted in SQL, i.e.
 * everything lib/srs's buildQueue takes but `now`, `settings` and `limit`.
 */
/** Figures of today's answers the page shows beside the queue (not buildQueue input). */
export type TodayFigures = { quizNewToday: number; answersToday: number };

export function queueCandidates(
  opts: { deckId: number | null; limit: number; now: Date; settings: Settings },
  conn: Conn = sqlite(),
): QueueCandidates & { today: TodayFigures } {
  const { deckId, limit, now, settings } = opts;
  const win = queueWindow(now, settings);
  const nowMs = now.getTime();
  const next = win.nextDayStart.getTime();
  const after = win.dayAfterStart.getTime();
  const deck = (sql: string) => `${sql} ${inDeck(deckId)}`;

  const today = answeredToday(conn, deckId, win.todayStart.getTime());
  const reviewBudget = Math.max(0, settings.reviewsPerDay - today.reviewsToday) + HEADROOM;
  const newBudget = Math.max(0, settings.newPerDay - today.newToday) + HEADROOM;

  const learning = learningCounts(conn, deckId, nowMs, next, after);
  // Items start with the learning cards due now: the first `limit` of them are all that can be shown;
  // those due within the learn-ahead window too (buildQueue shows them only when nothing else is due).
  const ahead = Math.min(next - 1, nowMs + (settings.learnAheadMinutes ?? 20) * 60_000);
  const learningRows =
    learning.dueNow + learning.later === 0 || limit <= 0
      ? []
      : [...learningDueNow(conn, deckId, 1, nowMs, ahead, limit), ...learningDueNow(conn, deckId, 3, nowMs, ahead, limit)];
  const reviewRows = prepared(
    conn,

    `SELECT ${CARD_COLUMNS} FROM ${cardsBy(deckId, "due")} WHERE ${deck(`state = 2 AND due < @next AND ${LIVE}`)} ORDER BY due, id LIMIT @n`,
  ).all(withDeck(deckId, { next, n: reviewBudget })) as RawCard[];
  const tomorrow = reviewsDueTomorrow(conn, deckId, next, after);
  const newRows = prepared(
    conn,

    `SELECT ${CARD_COLUMNS} FROM ${cardsBy(deckId, "position")} WHERE ${deck(`state = 0 AND (buriedUntil IS NULL OR buriedUntil <= @now) AND ${LIVE}`)} ORDER BY position, id LIMIT @n`,
  ).all(withDeck(deckId, { now: nowMs, n: newBudget })) as RawCard[];

  const rows: RawCard[] = [...learningRows, ...reviewRows, ...newRows];
  if (newRows.length < newBudget) {
    // Every unburied new card was fetched: pass the buried one that comes back
    // first too, so `nextDue` says "tomorrow" when only buried siblings are left.
    const buried = prepared(
      conn,

      `SELECT ${CARD_COLUMNS} FROM ${cardsBy(deckId, "position")} WHERE ${deck(`state = 0 AND buriedUntil > @now AND ${LIVE}`)} ORDER BY buriedUntil LIMIT 1`,
    ).get(withDeck(deckId, { now: nowMs })) as RawCard | undefined;
    if (buried) rows.push(buried);
  }
  if (learning.total === 0 && reviewRows.length === 0 && tomorrow.count === 0) {
    // Nothing but new cards before the day after tomorrow.
    const later = firstDueFrom(conn, deckId, after);
    if (later) rows.push(later);
  }

  // Learning cards that were not fetched still hold their siblings back.
  const notesAnsweredToday: number[] = [];
  if (learning.dueNow + learning.later > learningRows.length) {
    const candidates = [...new Set([...reviewRows, ...newRows].map((r) => r.noteId))];
    notesAnsweredToday.push(...notesInLearning(conn, candidates, nowMs, next));
  }

  return {
    cards: rows.map(toCardRow),
    newIntroducedToday: today.newToday,
    reviewsDoneToday: today.reviewsToday,
    notesAnsweredToday,
    cardsAnsweredToday: today.cards,
    learningCounts: learning,
    reviewsDueTomorrow: tomorrow,
    today: { quizNewToday: today.quizNewToday, answersToday: today.answersToday },
  };
}

/**
 * Live learning, relearning and review cards per study day of their effective due max(due, buriedUntil)
 * (the forecast's rule): `starts` are the study days' starts, today's first and the end last; day 0 also counts
 * everything overdue. Counted from the due index by day, then cards buried past their due day are moved to
 * the day their burial ends (from the buried index: only cards buried into tomorrow or later can move).
 * Days listed in `skip` are not counted (left 0): their figure comes from elsewhere.
 */
export function dueByDay(deckId: number | null, starts: readonly number[], skip: ReadonlySet<number>, conn: Conn = sqlite()): number[] {
  const days = starts.length - 1;
  const counts = new Array<number>(days).fill(0);
  const count = prepared(
    conn,
    `SELECT count(*) AS n FROM ${cardsBy(deckId, "due")} WHERE state IN (1, 2, 3) AND due >= @lo AND due < @hi AND ${LIVE} ${inDeck(deckId)}`,
  );
  for (let d = 0; d < days; d++) {
    if (skip.has(d)) continue;
    counts[d] = (count.get(withDeck(deckId, { lo: d === 0 ? Number.MIN_SAFE_INTEGER : starts[d], hi: starts[d + 1] })) as { n: number }).n;
  }
  const dayOf = (t: number) => {
    if (t >= starts[days]!) return -1;
    let d = 0;
    while (d + 1 < days && starts[d + 1]! <= t) d++;
    return d;
  };
  const moved = prepared(
    conn,
    `SELECT due, buriedUntil FROM Card INDEXED BY Card_live_buried_idx
      WHERE state IN (1, 2, 3) AND buriedUntil >= @from AND buriedUntil > due AND ${LIVE} ${inDeck(deckId)}`,
  ).all(withDeck(deckId, { from: starts[1] ?? starts[0] })) as { due: number; buriedUntil: number }[];
  for (const m of moved) {
    const from = dayOf(m.due);
    const to = dayOf(m.buriedUntil);
    if (from === to) continue;
    if (from >= 0 && !skip.has(from)) counts[from]! -= 1;
    if (to >= 0 && !skip.has(to)) counts[to]! += 1;
  }
  return counts;
}
