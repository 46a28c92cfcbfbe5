// Issue 12 item 5: one source of truth for the counts. Over random histories on real SQLite (the real deck,
// whose notes have 1–4 cards), at pinned clocks, the review queue reply, the home page's data, the progress
// page's data and the API (GET /api/v1/queue, GET /api/v1/stats) all give the same due now, learning today,
// due tomorrow and 30-day forecast — and those equal what the definitions say, computed here from every
// card row with no SQL pre-selection (decision 0040):
//  - learning today: learning/relearning cards, not buried, due before the study day ends (Anki);
//  - due now: those due by now, plus the review cards the queue shows today (buildQueue over all cards);
//  - forecast: live learning/review cards by the study day of max(due, buriedUntil), overdue on day 0;
//  - due tomorrow: forecast day 1.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getQueueRoute } from "@/app/api/v1/queue/route";
import { GET as getStatsRoute } from "@/app/api/v1/stats/route";
import { homeDecks } from "@/lib/services/home";
import { getProgressPage } from "@/lib/services/progress-page";
import { readQueue } from "@/lib/services/queue";
import { answerCard } from "@/lib/services/review";
import { answerInSession, buryInSession } from "@/lib/services/study-actions";
import { sqlite } from "@/lib/db/sqlite";
import { CARD_COLUMNS, toCardRow, type RawCard } from "@/lib/db/card-rows";
import { addDays, buildQueue, queueWindow, studyDayStart, type Rating, type Settings } from "@/lib/srs";
import { DAY_MS, DECK_KEY, MIN_MS, resetCards, seedDeck, useSettings as applySettings } from "../helpers/seed";

const START = new Date("2026-03-27T09:00:00Z"); // Berlin and New York change their clocks within the histories' range
const FORECAST_DAYS = 30;

type CardSetup = { state: 0 | 1 | 2 | 3; dueMin: number; buriedDays: number | null; suspended: boolean };
type Action = { kind: "answer" | "quiz" | "bury"; rating: Rating; pick: number; atMin: number };
type History = {
  settings: Pick<Settings, "timezone" | "dayStartHour" | "newPerDay" | "reviewsPerDay" | "learnAheadMinutes">;
  cards: CardSetup[];
  actions: Action[];
  /** Minutes after START when the counts are read. */
  readMin: number;
};

const cardSetup: fc.Arbitrary<CardSetup> = fc.record({
  state: fc.constantFrom<0 | 1 | 2 | 3>(0, 0, 1, 2, 2, 2, 3),
  // From five days overdue to forty days ahead, minute-grained around now.
  dueMin: fc.oneof(fc.integer({ min: -5 * 1440, max: 40 * 1440 }), fc.integer({ min: -90, max: 90 })),
  buriedDays: fc.option(fc.integer({ min: 0, max: 3 }), { freq: 5 }),
  suspended: fc.constantFrom(false, false, false, true),
});

const history: fc.Arbitrary<History> = fc.record({
  settings: fc.record({
    timezone: fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"),
    dayStartHour: fc.integer({ min: 0, max: 23 }),
    newPerDay: fc.constantFrom(0, 3, 20),
    reviewsPerDay: fc.constantFrom(2, 10, 1000),
    learnAheadMinutes: fc.constantFrom(0, 20, 60),
  }),
  cards: fc.array(cardSetup, { minLength: 40, maxLength: 40 }),
  actions: fc.array(
    fc.record({
      kind: fc.constantFrom<Action["kind"]>("answer", "answer", "quiz", "bury"),
      rating: fc.constantFrom<Rating>(1, 2, 3, 4),
      pick: fc.nat(),
      atMin: fc.integer({ min: 0, max: 30 * 60 }),
    }),
    { maxLength: 12 },
  ),
  readMin: fc.integer({ min: 0, max: 36 * 60 }),
});

let deckId = 0;
let cardIds: number[] = [];
beforeAll(async () => {
  deckId = await seedDeck(new Date(START.getTime() - 10 * DAY_MS));
  cardIds = (sqlite().prepare(`SELECT id FROM Card WHERE deckId = ? AND retired = 0 ORDER BY id`).all(deckId) as { id: number }[]).map((r) => r.id);
}, 120_000);
afterEach(() => {
  vi.useRealTimers();
});

/** Writes the random card states (the first 40 cards; the rest stay new), then plays the actions in time order. */
function build(h: History): void {
  resetCards(new Date(START.getTime() - DAY_MS));
  applySettings(h.settings, START);
  const db = sqlite();
  const set = db.prepare(
    `UPDATE Card SET state = ?, due = ?, stability = ?, difficulty = ?, scheduled_days = ?, reps = ?, last_review = ?, buriedUntil = ?, suspended = ? WHERE id = ?`,
  );
  const startDay = queueWindow(START, h.settings).today;
  db.transaction(() => {
    h.cards.forEach((c, i) => {
      const id = cardIds[i]!;
      const due = START.getTime() + c.dueMin * MIN_MS;
      const buried = c.buriedDays === null ? null : studyDayStart(addDays(startDay, c.buriedDays), h.settings.timezone, h.settings.dayStartHour).getTime();
      const last = c.state === 0 ? null : c.state === 2 ? due - 5 * DAY_MS : due - 10 * MIN_MS;
      set.run(c.state, due, c.state === 0 ? 0 : 5, c.state === 0 ? 0 : 5, c.state === 2 ? 5 : 0, c.state === 0 ? 0 : 3, last, buried, c.suspended ? 1 : 0, id);
    });
  })();
  const session = `counts-${randomUUID()}`;
  for (const a of [...h.actions].sort((x, y) => x.atMin - y.atMin)) {
    const at = new Date(START.getTime() + a.atMin * MIN_MS);
    const q = readQueue({ deck: null, limit: 50, now: at });
    if (!q.ok) throw new Error("queue");
    // Answer or bury a card the queue shows; quiz any live card (quizzes reach cards that are not due).
    const shown = q.queue.cards.map((c) => c.card.id);
    if (a.kind === "quiz") {
      const id = cardIds[a.pick % cardIds.length]!;
      answerCard({ cardId: id, rating: a.rating, durationMs: 4000, reviewId: randomUUID(), source: "quiz" }, at);
    } else if (shown.length > 0) {
      const id = shown[a.pick % shown.length]!;
      const r =
        a.kind === "answer"
          ? answerInSession({ cardId: id, rating: a.rating, durationMs: 4000, reviewId: randomUUID(), sessionId: session }, at)
          : buryInSession({ cardId: id, buried: true, sessionId: session }, at);
      expect(r.ok).toBe(true);
    }
  }
}

type Counts = { dueNow: number; learningToday: number; dueTomorrow: number; forecast: number[] };

/** The definitions, over every card row and today's answers, with no SQL pre-selection. */
function expected(now: Date, settings: Settings, deck: number | null): Counts {
  const db = sqlite();
  const rows = (
    db.prepare(`SELECT ${CARD_COLUMNS} FROM Card ${deck === null ? "" : "WHERE deckId = ?"}`).all(...(deck === null ? [] : [deck])) as RawCard[]
  ).map(toCardRow);
  const win = queueWindow(now, settings);
  const t = now.getTime();
  const next = win.nextDayStart.getTime();
  const logs = db
    .prepare(
      `SELECT l.cardId, l.state, l.source, c.noteId FROM ReviewLog l JOIN Card c ON c.id = l.cardId WHERE l.reviewedAt >= ? ${deck === null ? "" : "AND c.deckId = ?"}`,
    )
    .all(...(deck === null ? [win.todayStart.getTime()] : [win.todayStart.getTime(), deck])) as {
    cardId: number;
    state: number;
    source: string;
    noteId: number;
  }[];
  const built = buildQueue({
    cards: rows,
    now,
    settings,
    newIntroducedToday: logs.filter((l) => l.state === 0 && l.source === "review").length,
    reviewsDoneToday: logs.filter((l) => l.state === 2 && l.source === "review").length,
    cardsAnsweredToday: logs.map((l) => ({ noteId: l.noteId, cardId: l.cardId })),
  });
  const live = rows.filter((c) => !c.retired && !c.suspended && !c.leech);
  const buried = (c: (typeof rows)[number]) => c.buriedUntil !== null && c.buriedUntil.getTime() > t;
  const learning = live.filter((c) => (c.state === 1 || c.state === 3) && !buried(c));
  const starts = Array.from({ length: FORECAST_DAYS + 1 }, (_, i) => studyDayStart(addDays(win.today, i), settings.timezone, settings.dayStartHour).getTime());
  const forecast = new Array<number>(FORECAST_DAYS).fill(0);
  for (const c of live) {
    if (c.state === 0) continue;
    const eff = Math.max(c.due.getTime(), c.buriedUntil?.getTime() ?? 0);
    const day = eff < starts[1]! ? 0 : starts.findIndex((s, i) => i > 0 && eff >= s && eff < starts[i + 1]!);
    if (day >= 0 && day < FORECAST_DAYS) forecast[day]! += 1;
  }
  return {
    dueNow: learning.filter((c) => c.due.getTime() <= t).length + built.counts.review,
    learningToday: learning.filter((c) => c.due.getTime() < next).length,
    dueTomorrow: forecast[1]!,
    forecast,
  };
}

async function json(r: Response): Promise<Record<string, unknown>> {
  expect(r.status).toBe(200);
  return (await r.json()) as Record<string, unknown>;
}

describe("one source of truth for the counts", () => {
  it("review queue, home page, progress page and API agree with the definitions over random histories", async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        build(h);
        const now = new Date(START.getTime() + h.readMin * MIN_MS);
        const settings = applySettings(h.settings, START);
        vi.useFakeTimers({ toFake: ["Date"] });
        vi.setSystemTime(now); // the routes and pages read the clock themselves
        for (const deck of [deckId, null]) {
          const want = expected(now, settings, deck);
          const key = deck === null ? undefined : DECK_KEY;
          const qs = key ? `?deck=${key}` : "";

          // The review page's queue (server render and every reply to a study action).
          const q = readQueue({ deck: key ?? null, limit: 10, now });
          if (!q.ok) throw new Error("queue");
          expect({ dueNow: q.queue.study.dueNow, learning: q.queue.counts.learning, dueTomorrow: q.queue.dueTomorrow }).toEqual({
            dueNow: want.dueNow,
            learning: want.learningToday,
            dueTomorrow: want.dueTomorrow,
          });
          // GET /api/v1/queue
          const api = await json(await getQueueRoute(new Request(`http://localhost/api/v1/queue${qs}`)));
          expect({ dueNow: api.dueNow, learning: (api.counts as { learning: number }).learning, dueTomorrow: api.dueTomorrow }).toEqual({
            dueNow: want.dueNow,
            learning: want.learningToday,
            dueTomorrow: want.dueTomorrow,
          });
          // The progress page's data and GET /api/v1/stats.
          const page = await getProgressPage({ deckKey: key, now });
          if (page.kind !== "ok") throw new Error("progress");
          const stats = await json(await getStatsRoute(new Request(`http://localhost/api/v1/stats${qs}`)));
          for (const s of [page.stats, stats as unknown as typeof page.stats]) {
            expect({
              due: s.today.due,
              learningToday: s.today.learningToday,
              dueTomorrow: s.today.dueTomorrow,
              forecast: s.forecast.map((f) => f.due),
            }).toEqual({
              due: want.dueNow,
              learningToday: want.learningToday,
              dueTomorrow: want.dueTomorrow,
              forecast: want.forecast,
            });
            expect(s.forecast[0]!.day).toBe(queueWindow(now, settings).today);
          }
        }
        // The home page: one deck, so its counts are the deck's.
        const home = (await homeDecks(now)).find((d) => d.id === deckId)!;
        const want = expected(now, settings, deckId);
        expect({ dueNow: home.study.dueNow, learning: home.due.learning, dueTomorrow: home.dueTomorrow }).toEqual({
          dueNow: want.dueNow,
          learning: want.learningToday,
          dueTomorrow: want.dueTomorrow,
        });
        vi.useRealTimers();
        runs++;
      }),
      { numRuns: 50, seed: 20261202, endOnFailure: true },
    );
    expect(runs).toBe(50);
  }, 300_000);
});
