// One deck's answers are found in two ways (lib/db/stats-queries.ts,
// DeckLogFilter): by a range of card ids when the deck's cards are
// contiguous, else by looking each answer's card up. The same collection
// stored both ways — decks one after the other, or cards interleaved — must
// give identical statistics for each deck and for all decks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openSqlite } from "../../lib/db/sqlite";
import { prepareDatabase } from "../../lib/db/prepare";
import { deckLogFilter } from "../../lib/db/stats-queries";
import { getStats } from "../../lib/services/stats";
import type { Stats } from "../../lib/stats";
import { mulberry32 as rng } from "../../lib/generate/rng";

const NOW = new Date("2026-03-31T10:00:00Z");
const DAY = 86_400_000;
const TOPICS = ["vocabulary", "takeaways", "pipeline"];

type LogicalCard = { deck: number; note: number; kind: string; cols: unknown[] };

/** Two decks (60 and 40 cards, two per note) and 3000 answers over 500 days, the same in every layout. */
function collection() {
  const r = rng(11);
  const now = NOW.getTime();
  const cards: LogicalCard[] = [];
  for (const [deck, n] of [
    [1, 60],
    [2, 40],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const state = [0, 1, 2, 2, 2, 3][Math.floor(r() * 6)]!;
      const last = state === 0 ? null : now - Math.floor(r() * 90 * DAY);
      const due = now + Math.floor((r() * 40 - 10) * DAY);
      const buried = r() < 0.1 ? now + Math.floor(r() * 2 * DAY) : null;
      cards.push({
        deck,
        note: deck * 1000 + Math.floor(i / 2),
        kind: i % 2 ? "rev" : "fwd",
        cols: [due, state === 0 ? 0 : 0.5 + r() * 200, state === 0 ? 0 : 1 + r() * 9, state, last, r() < 0.05 ? 1 : 0, buried, r() < 0.03 ? 1 : 0],
      });
    }
  }
  const logs = Array.from({ length: 3000 }, () => {
    const at = r() < 0.1 ? now - Math.floor(r() * 6 * 3_600_000) : now - Math.floor(r() * 500 * DAY);
    return {
      card: Math.floor(r() * cards.length),
      at,
      state: Math.floor(r() * 4),
      rating: 1 + Math.floor(r() * 4),
      source: r() < 0.8 ? "review" : "quiz",
      sched: Math.floor(r() * 40),
      ms: 500 + Math.floor(r() * 9000),
    };
  });
  return { cards, logs };
}

/** Writes the collection with card ids in `order` (a permutation of the logical cards), leaving id gaps where `gap` says. */
function write(file: string, order: number[], gap = 0) {
  prepareDatabase(file);
  const { cards, logs } = collection();
  const sql = new Database(file);
  const t = NOW.getTime() - 600 * DAY;
  sql.transaction(() => {
    sql
      .prepare(
        `INSERT INTO Deck (id, key, title, sourceFile, createdAt, updatedAt) VALUES (1, 'alpha', 'Alpha', 'a.md', ?, ?), (2, 'beta', 'Beta', 'b.md', ?, ?)`,
      )
      .run(t, t, t, t);
    const notes = new Set<number>();
    const note = sql.prepare(
      `INSERT INTO Note (id, deckId, key, kind, topic, fields, sourceQuote, createdAt, updatedAt) VALUES (?, ?, ?, 'term', ?, '{}', 'q', ?, ?)`,
    );
    for (const c of cards) {
      if (notes.has(c.note)) continue;
      notes.add(c.note);
      note.run(c.note, c.deck, `n${c.note}`, TOPICS[c.note % 3], t, t);
    }
    const card = sql.prepare(
      `INSERT INTO Card (id, noteId, deckId, kind, payload, due, stability, difficulty, state, last_review, suspended, buriedUntil, leech, reps, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?, 3, ?, ?)`,
    );
    const idOf = new Map<number, number>();
    order.forEach((logical, i) => {
      const id = i + 1 + (gap && i >= order.length / 4 ? gap : 0);
      idOf.set(logical, id);
      const c = cards[logical]!;
      card.run(id, c.note, c.deck, c.kind, ...c.cols, t, t);
    });
    const log = sql.prepare(
      `INSERT INTO ReviewLog (cardId, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, learning_steps, reviewedAt, durationMs, source, reviewId, snapshot)
       VALUES (?, ?, ?, ?, 1, 5, 0, 0, ?, 0, ?, ?, ?, ?, '{}')`,
    );
    logs.forEach((l, i) => {
      log.run(idOf.get(l.card), l.rating, l.state, l.at, l.sched, l.at, l.ms, l.source, `r${i}`);
    });
    sql.prepare(`INSERT INTO Settings (id, desiredRetention, newPerDay, dayStartHour, timezone, updatedAt) VALUES (1, 0.9, 5, 4, 'Europe/Berlin', ?)`).run(t);
  })();
  sql.close();
  return openSqlite(file);
}

const n = collection().cards.length;
const byDeck = Array.from({ length: n }, (_, i) => i); // deck 1's cards, then deck 2's
const interleaved = [...byDeck].sort((a, b) => (a % 2) - (b % 2) || a - b); // even logical cards first: decks mixed
const dir = mkdtempSync(path.join(tmpdir(), "cardinal-deckfilter-"));
const clients = {
  grouped: write(path.join(dir, "grouped.db"), byDeck),
  gaps: write(path.join(dir, "gaps.db"), byDeck, 1000),
  interleaved: write(path.join(dir, "interleaved.db"), interleaved),
};

afterAll(async () => {
  for (const c of Object.values(clients)) c.close();
});

describe("deck statistics do not depend on how card ids are laid out", () => {
  beforeAll(async () => {
    expect(await deckLogFilter(clients.grouped, 1)).toEqual({ kind: "ids", lo: 1, hi: 60 });
    expect(await deckLogFilter(clients.grouped, 2)).toEqual({ kind: "ids", lo: 61, hi: 100 });
    expect(await deckLogFilter(clients.gaps, 1)).toEqual({ kind: "ids", lo: 1, hi: 1060 }); // a hole of unused ids inside
    expect(await deckLogFilter(clients.interleaved, 1)).toEqual({ kind: "cards", deckId: 1 });
    expect(await deckLogFilter(clients.interleaved, 2)).toEqual({ kind: "cards", deckId: 2 });
    expect(await deckLogFilter(clients.grouped, 3)).toEqual({ kind: "ids", lo: 1, hi: 0 });
    expect(await deckLogFilter(clients.grouped, null)).toEqual({ kind: "all" });
  });

  for (const deckKey of [undefined, "alpha", "beta"]) {
    it(deckKey ?? "all decks", async () => {
      // Card ids differ between layouts; the weakest items' own card ids with them.
      const layoutFree = (s: Stats) => ({ ...s, weakest: s.weakest.map(({ weakestCardId: _id, cardIds: _ids, ...w }) => w) });
      const want = layoutFree(await getStats({ now: NOW, deckKey }, clients.interleaved));
      expect(want.today.reviewsDone).toBeGreaterThan(0);
      expect(want.heatmap.some((h) => h.count > 0)).toBe(true);
      expect(layoutFree(await getStats({ now: NOW, deckKey }, clients.grouped))).toEqual(want);
      expect(layoutFree(await getStats({ now: NOW, deckKey }, clients.gaps))).toEqual(want);
    });
  }

  it("the two decks add up to all decks", async () => {
    const [all, a, b] = await Promise.all([undefined, "alpha", "beta"].map((deckKey) => getStats({ now: NOW, deckKey }, clients.grouped)));
    expect(a!.heatmap.map((h, i) => h.count + b!.heatmap[i]!.count)).toEqual(all!.heatmap.map((h) => h.count));
    expect(a!.today.reviewsDone + b!.today.reviewsDone).toBe(all!.today.reviewsDone);
    expect(a!.sources.review + b!.sources.review).toBe(all!.sources.review);
  });
});
