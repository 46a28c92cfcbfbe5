// getQueue reads only what it must (LIMITs on the partial queue indexes, SQL
// counts for the learning cards and tomorrow's reviews, the learning siblings
// of the candidates only). This checks it against the plain implementation it
// replaced — every learning card and every review due tomorrow fetched as
// rows, all handed to buildQueue — on random collections: two decks with
// siblings, every state, burials, suspended / leech / retired cards, answers
// today, small limits and budgets so that every LIMIT and headroom bites.
import { beforeAll, describe, expect, it } from "vitest";
import { getQueue, type Queue } from "@/lib/services/queue";
import { sqlite, stmt } from "@/lib/db/sqlite";
import { CARD_COLUMNS, toCardRow, type RawCard } from "@/lib/db/card-rows";
import { buildQueue, previewIntervals, queueWindow, DEFAULT_SETTINGS, type Settings } from "@/lib/srs";
import { DAY_MS, MIN_MS, seedDeck } from "../helpers/seed";
import { mulberry32 as rng } from "../../lib/generate/rng";

const HEADROOM = 50;

/** The getQueue of before the queue indexes (commit 8374f51), as the reference. */
function referenceQueue(opts: { deckId: number | null; limit: number; now: Date; settings: Settings }): Queue {
  const { deckId, limit, now, settings } = opts;
  const win = queueWindow(now, settings);
  const todayStart = win.todayStart.getTime();
  const inDeck = deckId === null ? "" : "AND deckId = ?";
  const args = deckId === null ? [] : [deckId];
  const today = stmt(
    `SELECT coalesce(sum(CASE WHEN l.state = 0 AND l.source = 'review' THEN 1 ELSE 0 END), 0) AS newToday,
            coalesce(sum(CASE WHEN l.state = 2 AND l.source = 'review' THEN 1 ELSE 0 END), 0) AS reviewsToday,
            coalesce(sum(CASE WHEN l.state = 0 AND l.source = 'quiz' THEN 1 ELSE 0 END), 0) AS quizNewToday,
            coalesce(sum(CASE WHEN l.source = 'review' THEN 1 ELSE 0 END), 0) AS answersToday
       FROM ReviewLog l ${deckId === null ? "" : "JOIN Card c ON c.id = l.cardId"}
      WHERE l.reviewedAt >= ? ${deckId === null ? "" : "AND c.deckId = ?"}`,
  ).get(todayStart, ...args) as { newToday: number; reviewsToday: number; quizNewToday: number; answersToday: number };
  const cardsToday = stmt(
    `SELECT DISTINCT c.noteId AS noteId, c.id AS cardId FROM ReviewLog l JOIN Card c ON c.id = l.cardId WHERE l.reviewedAt >= ? ${deckId === null ? "" : "AND c.deckId = ?"}`,
  ).all(todayStart, ...args) as { noteId: number; cardId: number }[];
  const live = `retired = 0 AND suspended = 0 AND leech = 0`;
  const newBudget = Math.max(0, settings.newPerDay - today.newToday) + HEADROOM;
  const newRows = stmt(
    `SELECT ${CARD_COLUMNS} FROM Card WHERE state = 0 AND (buriedUntil IS NULL OR buriedUntil <= ?) AND ${live} ${inDeck} ORDER BY position, id LIMIT ?`,
  ).all(now.getTime(), ...args, newBudget) as RawCard[];
  const rows: RawCard[] = [
    ...(stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE state IN (1, 3) AND due < ? AND ${live} ${inDeck}`).all(
      win.dayAfterStart.getTime(),
      ...args,
    ) as RawCard[]),
    // Every review due today (not only the budget): a review due today but buried until tomorrow counts as due tomorrow.
    ...(stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE state = 2 AND due < ? AND ${live} ${inDeck} ORDER BY due, id`).all(
      win.nextDayStart.getTime(),
      ...args,
    ) as RawCard[]),
    ...(stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE state = 2 AND due >= ? AND due < ? AND ${live} ${inDeck}`).all(
      win.nextDayStart.getTime(),
      win.dayAfterStart.getTime(),
      ...args,
    ) as RawCard[]),
    ...newRows,
  ];
  if (newRows.length < newBudget) {
    const buried = stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE state = 0 AND buriedUntil > ? AND ${live} ${inDeck} ORDER BY buriedUntil LIMIT 1`).get(
      now.getTime(),
      ...args,
    ) as RawCard | undefined;
    if (buried) rows.push(buried);
  }
  if (!rows.some((r) => r.state !== 0 && r.due < win.dayAfterStart.getTime())) {
    // (ties by id added: the old query left them to the plan)
    const later = stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE state != 0 AND due >= ? AND ${live} ${inDeck} ORDER BY due, id LIMIT 1`).get(
      win.dayAfterStart.getTime(),
      ...args,
    ) as RawCard | undefined;
    if (later) rows.push(later);
  }
  const q = buildQueue({
    cards: rows.map(toCardRow),
    now,
    settings,
    newIntroducedToday: today.newToday,
    reviewsDoneToday: today.reviewsToday,
    cardsAnsweredToday: cardsToday,
    limit,
  });
  return {
    cards: q.items.map((card) => ({ card, previews: previewIntervals(card, settings, now), flag: null })), // no card is flagged here
    counts: q.counts,
    // Due now: the learning cards due by now (not buried) that were passed, and the reviews shown.
    study: {
      dueNow:
        rows.filter((r) => (r.state === 1 || r.state === 3) && r.due <= now.getTime() && !(r.buriedUntil !== null && r.buriedUntil > now.getTime())).length +
        q.counts.review,
      learningToday: q.counts.learning,
      dueTomorrow: q.dueTomorrow,
      forecast: [],
    },
    nextDue: q.nextDue,
    dueTomorrow: q.dueTomorrow,
    learningLater: q.learningLater,
    today: q.today,
    nextDayStart: q.nextDayStart,
    quizNewToday: today.quizNewToday,
    answersToday: today.answersToday,
    // Over the whole collection (not the deck): the learner's pace.
    secondsPerCard: (() => {
      const r = stmt(`SELECT avg(durationMs) AS ms FROM (SELECT durationMs FROM ReviewLog WHERE source = 'review' ORDER BY id DESC LIMIT 200)`).get() as {
        ms: number | null;
      };
      return r.ms === null ? null : Math.round(r.ms / 100) / 10;
    })(),
  };
}

const NOW = new Date("2026-03-29T09:30:00Z"); // Berlin's spring-forward day
let decks: number[] = [];

beforeAll(async () => {
  const first = await seedDeck(new Date(NOW.getTime() - 30 * DAY_MS));
  // A second, smaller deck whose cards interleave with nothing: three cards per note.
  const db = sqlite();
  const t = NOW.getTime() - 30 * DAY_MS;
  const second = Number(
    db.prepare(`INSERT INTO Deck (key, title, sourceFile, createdAt, updatedAt) VALUES ('eq-second', 'Second', 'x.md', ?, ?)`).run(t, t).lastInsertRowid,
  );
  const note = db.prepare(
    `INSERT INTO Note (deckId, key, kind, topic, fields, sourceQuote, createdAt, updatedAt) VALUES (?, ?, 'term', 'vocabulary', '{}', 'q', ?, ?)`,
  );
  const card = db.prepare(`INSERT INTO Card (noteId, deckId, kind, payload, position, due, createdAt, updatedAt) VALUES (?, ?, ?, '{}', ?, ?, ?, ?)`);
  for (let n = 0; n < 15; n++) {
    const noteId = Number(note.run(second, `eq-${n}`, t, t).lastInsertRowid);
    for (const kind of ["a", "b", "c"]) card.run(noteId, second, kind, n, t, t, t);
  }
  decks = [first, second];
}, 120_000);

/**
 * A random collection: every card's scheduling columns, plus answers before
 * and during today. `sparse`: nine cards in ten suspended, so that the rare
 * cases (only buried cards left, nothing due for days) come up.
 */
function scramble(r: () => number, settings: Settings, sparse: boolean) {
  const db = sqlite();
  const now = NOW.getTime();
  const win = queueWindow(NOW, settings);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const ids = (db.prepare(`SELECT id FROM Card ORDER BY id`).all() as { id: number }[]).map((x) => x.id);
  const set = db.prepare(
    `UPDATE Card SET state = ?, due = ?, last_review = ?, position = ?, buriedUntil = ?, suspended = ?, leech = ?, retired = ?, stability = ?, difficulty = ?, reps = ? WHERE id = ?`,
  );
  const log = db.prepare(
    `INSERT INTO ReviewLog (cardId, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, learning_steps, reviewedAt, durationMs, source, reviewId, snapshot)
     VALUES (?, 3, ?, ?, 1, 5, 0, 0, 0, 0, ?, 1000, ?, ?, '{}')`,
  );
  // Due dates cluster on a few instants so that ties (by due, then id) occur.
  const instants = [
    -3 * DAY_MS,
    -DAY_MS,
    -2 * 60 * MIN_MS,
    -MIN_MS,
    0,
    MIN_MS,
    90 * MIN_MS,
    win.nextDayStart.getTime() - now - 1,
    win.nextDayStart.getTime() - now,
    win.nextDayStart.getTime() - now + 3 * 60 * MIN_MS,
    win.dayAfterStart.getTime() - now,
    3 * DAY_MS,
  ];
  db.transaction(() => {
    db.prepare(`DELETE FROM ReviewLog`).run();
    for (const id of ids) {
      const state = pick([0, 0, 1, 2, 2, 2, 3]);
      const due = now + (r() < 0.5 ? pick(instants) : Math.round((r() * 6 - 2.5) * DAY_MS));
      const lastReview = state === 0 ? null : now - Math.round(r() * 5 * DAY_MS) * (r() < 0.15 ? 0 : 1) - (r() < 0.1 ? 0 : 1);
      const buried =
        r() < (sparse ? 0.4 : 0.12) ? now + pick([-DAY_MS, -1, 1, 5 * MIN_MS, DAY_MS, 2 * DAY_MS, 4 * DAY_MS]) : r() < 0.05 ? now - 10 * DAY_MS : null;
      const suspended = r() < (sparse ? 0.9 : 0.06) ? 1 : 0;
      set.run(
        state,
        due,
        lastReview,
        Math.floor(r() * 40),
        buried,
        suspended,
        r() < 0.04 ? 1 : 0,
        r() < 0.04 ? 1 : 0,
        1 + r() * 20,
        1 + r() * 9,
        state === 0 ? 0 : 3,
        id,
      );
    }
    const answers = Math.floor(r() * 25);
    for (let i = 0; i < answers; i++) {
      const at =
        r() < 0.8 ? win.todayStart.getTime() + Math.floor(r() * (now - win.todayStart.getTime())) : win.todayStart.getTime() - 1 - Math.floor(r() * DAY_MS);
      log.run(pick(ids), pick([0, 1, 2, 2, 3]), at, at, r() < 0.3 ? "quiz" : "review", `eq-${i}-${Math.floor(r() * 1e9)}`);
    }
  })();
}

const plain = (q: Queue) => JSON.parse(JSON.stringify(q)) as unknown;

describe("getQueue equals the plain implementation on random collections", () => {
  for (let seed = 1; seed <= 48; seed++) {
    const sparse = seed > 24;
    it(`collection #${seed}${sparse ? " (sparse)" : ""}`, () => {
      const r = rng(seed);
      const settings: Settings = {
        ...DEFAULT_SETTINGS,
        timezone: ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"][seed % 4]!,
        dayStartHour: [4, 0, 23, 12][Math.floor(seed / 4) % 4]!,
        newPerDay: Math.floor(r() * 8),
        reviewsPerDay: Math.floor(r() * 20),
      };
      scramble(r, settings, sparse);
      for (const deckId of [null, ...decks]) {
        for (const limit of [0, 1, 3, 1000]) {
          for (const dt of [0, 7 * MIN_MS, 20 * 60 * MIN_MS]) {
            const now = new Date(NOW.getTime() + dt);
            const want = plain(referenceQueue({ deckId, limit, now, settings }));
            expect(plain(getQueue({ deckId, limit, now, settings })), `deck ${deckId}, limit ${limit}, +${dt / MIN_MS} min`).toEqual(want);
          }
        }
      }
    });
  }

  it("and when the only card left is due tomorrow but buried for days, or a buried new card", () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, timezone: "Europe/Berlin" };
    const db = sqlite();
    db.prepare(`DELETE FROM ReviewLog`).run();
    db.prepare(`UPDATE Card SET suspended = 1, buriedUntil = NULL, leech = 0, retired = 0`).run();
    const ids = (db.prepare(`SELECT id FROM Card WHERE deckId = ? ORDER BY id`).all(decks[0]) as { id: number }[]).map((x) => x.id);
    const win = queueWindow(NOW, settings);
    db.prepare(`UPDATE Card SET suspended = 0, state = 2, due = ?, buriedUntil = ?, last_review = ? WHERE id = ?`).run(
      win.nextDayStart.getTime() + 3 * 60 * MIN_MS,
      NOW.getTime() + 4 * DAY_MS,
      NOW.getTime() - 3 * DAY_MS,
      ids[3],
    );
    const check = () => {
      for (const deckId of [null, ...decks]) {
        expect(plain(getQueue({ deckId, limit: 10, now: NOW, settings }))).toEqual(plain(referenceQueue({ deckId, limit: 10, now: NOW, settings })));
      }
    };
    check();
    expect(getQueue({ deckId: null, limit: 10, now: NOW, settings }).nextDue!.getTime()).toBeGreaterThan(win.dayAfterStart.getTime());
    db.prepare(`UPDATE Card SET suspended = 0, state = 0, due = ?, buriedUntil = ?, last_review = NULL WHERE id = ?`).run(
      NOW.getTime(),
      NOW.getTime() + 3 * DAY_MS,
      ids[5],
    );
    check();
    db.prepare(`UPDATE Card SET suspended = 1 WHERE id = ?`).run(ids[3]);
    check();
    expect(getQueue({ deckId: null, limit: 10, now: NOW, settings }).nextDue!.getTime()).toBeGreaterThan(win.dayAfterStart.getTime());
  });

  it("and when everything is done for the next two days (nextDue from the first card after)", () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, timezone: "Europe/Berlin" };
    const db = sqlite();
    db.prepare(`DELETE FROM ReviewLog`).run();
    db.prepare(`UPDATE Card SET state = 2, due = ?, buriedUntil = NULL, suspended = 0, leech = 0, retired = 0, last_review = ?`).run(
      NOW.getTime() + 9 * DAY_MS,
      NOW.getTime() - DAY_MS,
    );
    const ids = (db.prepare(`SELECT id FROM Card ORDER BY id`).all() as { id: number }[]).map((x) => x.id);
    db.prepare(`UPDATE Card SET state = 1, due = ?, buriedUntil = ? WHERE id = ?`).run(NOW.getTime() + 5 * DAY_MS, NOW.getTime() + 6 * DAY_MS, ids[7]);
    db.prepare(`UPDATE Card SET state = 3, due = ? WHERE id = ?`).run(NOW.getTime() + 5 * DAY_MS + 1, ids[9]);
    for (const deckId of [null, ...decks]) {
      const q = getQueue({ deckId, limit: 10, now: NOW, settings });
      expect(plain(q)).toEqual(plain(referenceQueue({ deckId, limit: 10, now: NOW, settings })));
      expect(q.cards).toEqual([]);
    }
  });
});
