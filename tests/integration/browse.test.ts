// The card browser: full-text search kept in step with the content sync,
// filters and sorts compiled to SQL, and bad queries refused with a 400.
import { describe, it, expect, beforeAll, beforeEach } from "vitest";
import { randomUUID } from "node:crypto";
import { GET as getCards } from "@/app/api/v1/cards/route";
import { answerCard, setSuspended } from "@/lib/services/review";
import { browseCards } from "@/lib/services/browse";
import { flagCard } from "@/lib/services/flags";
import { sqlite } from "@/lib/db/sqlite";
import { DAY_MS, resetCards, seedDeck, useSettings } from "../helpers/seed";

const NOW = new Date("2026-03-10T15:00:00Z");
const all = (q: string, sort: "due" | "lapses" | "recall" | "added" = "added", dir: "asc" | "desc" = "asc") => {
  const r = browseCards({ q, sort, dir, page: 1 }, NOW);
  if (!r.ok) throw new Error(r.error);
  return r;
};
const ids = (q: string) => all(q).rows.map((r) => r.id);
const live = () => sqlite().prepare(`SELECT count(*) FROM Card WHERE retired = 0`).pluck().get() as number;

beforeAll(async () => {
  await seedDeck(NOW);
  useSettings({}, NOW);
}, 120_000);
beforeEach(() => {
  resetCards(NOW);
  sqlite().prepare(`DELETE FROM CardFlag`).run();
});

describe("full-text search", () => {
  it("finds cards by a word of the prompt, the answer, the note or the quote, as a prefix", () => {
    const r = all("reinforc");
    expect(r.total).toBeGreaterThan(0);
    expect(r.total).toBeLessThan(live());
    for (const row of r.rows) {
      const text = sqlite()
        .prepare(`SELECT c.payload || n.fields || n.sourceQuote FROM Card c JOIN Note n ON n.id = c.noteId WHERE c.id = ?`)
        .pluck()
        .get(row.id) as string;
      expect(text.toLowerCase()).toContain("reinforc");
    }
  });

  it("a quoted phrase needs the words together; -word leaves those cards out", () => {
    const phrase = ids(`"human feedback"`);
    const words = ids(`human feedback`);
    expect(phrase.length).toBeGreaterThan(0);
    expect(words).toEqual(expect.arrayContaining(phrase));
    const without = ids(`human -feedback`);
    expect(without.some((id) => phrase.includes(id))).toBe(false);
    expect(without.length + words.length).toBe(ids("human").length);
  });

  it("follows the content sync: a reworded card is found by its new words, not its old ones", () => {
    const id = ids("")[0]!;
    const c = sqlite().prepare(`SELECT payload FROM Card WHERE id = ?`).pluck().get(id) as string;
    sqlite()
      .prepare(`UPDATE Card SET payload = ? WHERE id = ?`)
      .run(JSON.stringify({ ...JSON.parse(c), prompt: "Zanzibarian marmalade" }), id);
    expect(ids("zanzibarian")).toEqual([id]);
    sqlite().prepare(`UPDATE Card SET payload = ? WHERE id = ?`).run(c, id);
    expect(ids("zanzibarian")).toEqual([]);
  });

  it("a card whose payload is not JSON is still written (indexed as no text)", () => {
    const id = ids("")[0]!;
    const c = sqlite().prepare(`SELECT payload FROM Card WHERE id = ?`).pluck().get(id) as string;
    sqlite().prepare(`UPDATE Card SET payload = 'not json' WHERE id = ?`).run(id);
    expect(sqlite().prepare(`SELECT payload FROM Card WHERE id = ?`).pluck().get(id)).toBe("not json");
    expect(all("").rows.find((r) => r.id === id)?.prompt).toBeNull();
    sqlite().prepare(`UPDATE Card SET payload = ? WHERE id = ?`).run(c, id);
  });
});

describe("filters and sorts", () => {
  it("is:suspended, is:flagged, is:new, deck:, kind: and prop: select what they say", () => {
    const [a, b, c] = ids("");
    setSuspended(a!, true, NOW);
    flagCard(b!, "typo", "missing letter", "browse-test", NOW);
    answerCard({ cardId: c!, rating: 1, durationMs: 1000, reviewId: randomUUID(), source: "review" }, NOW);
    expect(ids("is:suspended")).toEqual([a]);
    expect(ids("is:flagged")).toEqual([b]);
    expect(all("is:flagged").rows[0]!.flag).toBe("typo");
    expect(ids("-is:new")).toEqual([c]);
    expect(all("is:new").total).toBe(live() - 1);
    expect(all("deck:claude-*").total).toBe(live());
    expect(all("deck:nope").total).toBe(0);
    const kind = all("").rows[0]!.kind;
    expect(all(`kind:${kind}`).rows.every((r) => r.kind === kind)).toBe(true);
    expect(ids("prop:reps>=1")).toEqual([c]);
  });

  it("is:due and is:overdue follow the study day; due: picks a date range", () => {
    const [a, b] = ids("");
    const set = sqlite().prepare(`UPDATE Card SET state = 2, due = ?, stability = 5, last_review = ? WHERE id = ?`);
    set.run(NOW.getTime() - 3 * DAY_MS, NOW.getTime() - 8 * DAY_MS, a);
    set.run(NOW.getTime() + 2 * DAY_MS, NOW.getTime() - 3 * DAY_MS, b);
    expect(ids("is:due")).toEqual([a]);
    expect(ids("is:overdue")).toEqual([a]);
    expect(ids("due:2026-03-12")).toEqual([b]);
    expect(ids("due:2026-03-01..2026-03-31")).toEqual([a, b]);
    expect(ids("prop:due<0")).toEqual([a]);
    // Sorted by recall: the overdue card (8 days since its review) is the less likely to be recalled.
    expect(all("-is:new", "recall").rows.map((r) => r.id)).toEqual([a, b]);
    expect(all("-is:new", "recall").rows[0]!.recall).toBeLessThan(all("-is:new", "recall").rows[1]!.recall!);
  });

  it("prop:r picks exactly the cards whose recall now is below the bound", () => {
    const rows = ids("").slice(0, 6);
    rows.forEach(
      (id, i) =>
        void sqlite()
          .prepare(`UPDATE Card SET state = 2, stability = ?, last_review = ?, due = ? WHERE id = ?`)
          .run(1 + i * 4, NOW.getTime() - (3 + i) * DAY_MS, NOW.getTime() + DAY_MS, id),
    );
    const shown = all("-is:new", "recall").rows;
    expect(shown.map((r) => r.recall)).toEqual([...shown.map((r) => r.recall)].sort((a, b) => a! - b!));
    for (const bound of [0.5, 0.8, 0.9, 0.95]) {
      expect(ids(`prop:r<${bound}`).sort()).toEqual(
        shown
          .filter((r) => r.recall! < bound)
          .map((r) => r.id)
          .sort(),
      );
      expect(ids(`prop:r>=${bound}`).sort()).toEqual(
        shown
          .filter((r) => r.recall! >= bound)
          .map((r) => r.id)
          .sort(),
      );
    }
  });

  it("sorts by lapses, highest first, cards without a value last", () => {
    const [a, b] = ids("");
    sqlite().prepare(`UPDATE Card SET lapses = 4, state = 2 WHERE id = ?`).run(b);
    sqlite().prepare(`UPDATE Card SET lapses = 1, state = 2 WHERE id = ?`).run(a);
    expect(
      all("", "lapses", "desc")
        .rows.slice(0, 2)
        .map((r) => r.id),
    ).toEqual([b, a]);
    expect(ids("prop:lapses>3")).toEqual([b]);
  });

  it("pages by 50 and counts every match", () => {
    const r = all("");
    expect(r.rows).toHaveLength(Math.min(50, live()));
    expect(r.total).toBe(live());
    const p2 = browseCards({ q: "", sort: "added", dir: "asc", page: 2 }, NOW);
    expect(p2.ok && p2.rows[0]!.id).not.toBe(r.rows[0]!.id);
  });
});

describe("GET /api/v1/cards", () => {
  it("answers a bad query with 400 and the parser's message", async () => {
    const res = await getCards(new Request(`http://x/api/v1/cards?q=${encodeURIComponent("is:sleepy")}`));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; details: { position: number } };
    expect(body.error).toMatch(/unknown "is:sleepy"/);
    expect(body.details.position).toBe(0);
  });

  it("answers a bad sort with 400 and a search with its page", async () => {
    expect((await getCards(new Request(`http://x/api/v1/cards?sort=colour`))).status).toBe(400);
    const res = await getCards(new Request(`http://x/api/v1/cards?q=${encodeURIComponent('"human feedback"')}&sort=due`));
    const body = (await res.json()) as { cards: { id: number; prompt: string; due: string }[]; total: number };
    expect(res.status).toBe(200);
    expect(body.total).toBe(body.cards.length);
    expect(body.cards[0]!.due).toMatch(/^\d{4}-/);
  });
});
