// ReviewSlot (answers per 15-minute UTC slot, kept by triggers on ReviewLog)
// feeds the Progress heatmap for all decks. The heatmap must stay exactly
// what counting ReviewLog by study day gives — after answers, after an undo,
// after a log's time is changed, and for any time zone and day start (the
// slots are UTC, so a settings change needs no rebuild); where a day does not
// start on a slot edge (a pre-1972 offset such as Monrovia's −0:44:30) the
// statistics count ReviewLog instead.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { POST as postReview } from "@/app/api/v1/reviews/route";
import { POST as postUndo } from "@/app/api/v1/reviews/undo/route";
import { sqlite } from "@/lib/db/sqlite";
import { getStats } from "@/lib/services/stats";
import { studyDayOf } from "@/lib/srs";
import { DAY_MS, DECK_KEY, MIN_MS, allCards, jsonRequest, makeReview, resetCards, seedDeck } from "../helpers/seed";

const NOW = new Date("2026-03-10T15:00:00Z");
const HOUR = 3_600_000;

function setClock(timezone: string, dayStartHour: number) {
  sqlite()
    .prepare(
      `INSERT INTO Settings (id, timezone, dayStartHour, updatedAt) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET timezone = excluded.timezone, dayStartHour = excluded.dayStartHour`,
    )
    .run(timezone, dayStartHour, NOW.getTime());
}

/** The heatmap by hand: every log up to `now`, by lib/srs's study day. */
function heatmapByHand(now: Date, timezone: string, hour: number): Map<string, number> {
  const out = new Map<string, number>();
  const logs = sqlite().prepare(`SELECT reviewedAt FROM ReviewLog WHERE reviewedAt <= ?`).all(now.getTime()) as { reviewedAt: number }[];
  for (const { reviewedAt } of logs) {
    const day = studyDayOf(reviewedAt, timezone, hour);
    out.set(day, (out.get(day) ?? 0) + 1);
  }
  return out;
}

async function expectHeatmap(now: Date, timezone: string, hour: number) {
  setClock(timezone, hour);
  const s = await getStats({ now });
  const want = heatmapByHand(now, timezone, hour);
  const first = s.heatmap[0]!.day;
  for (const day of [...want.keys()]) if (day < first) want.delete(day);
  const got = new Map(s.heatmap.filter((h) => h.count > 0).map((h) => [h.day, h.count]));
  expect(got).toEqual(want);
  expect(got.size).toBeGreaterThan(0);
}

/** What the triggers must have kept: the slots counted afresh. */
function slotsMatchLogs() {
  const db = sqlite();
  const kept = db.prepare(`SELECT slot, answers FROM ReviewSlot WHERE answers <> 0 ORDER BY slot`).all();
  const fresh = db.prepare(`SELECT reviewedAt / 900000 AS slot, count(*) AS answers FROM ReviewLog GROUP BY 1 ORDER BY 1`).all();
  expect(kept).toEqual(fresh);
}

let cards: number[] = [];
beforeAll(async () => {
  await seedDeck(NOW);
  resetCards(NOW);
  cards = allCards().map((c) => c.id as number);
  // A year of history at awkward instants: on and next to slot edges, around midnight and DST changes.
  const log = sqlite().prepare(
    `INSERT INTO ReviewLog (cardId, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, learning_steps, reviewedAt, durationMs, source, reviewId, snapshot)
     VALUES (?, 3, 2, ?, 1, 5, 0, 0, 3, 0, ?, 1000, 'review', ?, '{}')`,
  );
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < 1500; i++) {
    const base = NOW.getTime() - Math.floor(rnd() * 400) * DAY_MS - Math.floor(rnd() * 96) * 900_000;
    const at = base + [0, -1, 1, 450_000][i % 4]!;
    log.run(cards[i % cards.length], at, at, `slot-${i}`);
  }
});

describe("ReviewSlot keeps the heatmap exact", () => {
  it("after a bulk history, in zones with whole, half and quarter hour offsets and any day start", async () => {
    slotsMatchLogs();
    for (const [tz, hour] of [
      ["UTC", 4],
      ["Europe/Berlin", 0],
      ["Asia/Kolkata", 4],
      ["Asia/Kathmandu", 23],
      ["America/St_Johns", 5],
      ["Australia/Lord_Howe", 3],
    ] as const) {
      await expectHeatmap(NOW, tz, hour);
    }
  });

  it("after answers and an undo through the API, seen from later days (so those days come from the slots)", async () => {
    const id = cards[0]!;
    makeReview(id, NOW);
    const sessionId = `s-${randomUUID()}`;
    for (const rating of [3, 1]) {
      const r = await postReview(jsonRequest("/api/v1/reviews", { cardId: id, rating, durationMs: 1000, reviewId: randomUUID(), sessionId, deck: DECK_KEY }));
      expect(r.status).toBe(201);
    }
    expect((await postUndo(jsonRequest("/api/v1/reviews/undo", { sessionId }))).status).toBe(200);
    slotsMatchLogs();
    await expectHeatmap(new Date(NOW.getTime() + 2 * DAY_MS), "Europe/Berlin", 4);
    await expectHeatmap(new Date(NOW.getTime() + 2 * DAY_MS), "Asia/Kolkata", 0);
  });

  it("after a log's time is changed and after logs are deleted", async () => {
    const db = sqlite();
    db.prepare(`UPDATE ReviewLog SET reviewedAt = reviewedAt - 3 * ${HOUR} WHERE id % 7 = 0`).run();
    db.prepare(`DELETE FROM ReviewLog WHERE id % 11 = 0`).run();
    slotsMatchLogs();
    await expectHeatmap(NOW, "America/St_Johns", 2);
  });

  it("counts ReviewLog where study days do not start on a slot edge (Monrovia, −0:44:30 until 1972)", async () => {
    const then = new Date("1971-06-01T12:00:00Z");
    const log = sqlite().prepare(
      `INSERT INTO ReviewLog (cardId, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, learning_steps, reviewedAt, durationMs, source, reviewId, snapshot)
       VALUES (?, 3, 2, ?, 1, 5, 0, 0, 3, 0, ?, 1000, 'review', ?, '{}')`,
    );
    // 00:40 UTC is 23:55:30 the day before in Monrovia: a slot count would put it on the wrong day.
    for (let d = 1; d <= 20; d++) {
      const at = then.getTime() - d * DAY_MS - 12 * HOUR + 40 * MIN_MS;
      log.run(cards[d]!, at, at, `monrovia-${d}`);
    }
    await expectHeatmap(then, "Africa/Monrovia", 0);
  });
});
