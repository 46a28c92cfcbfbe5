// The card browser's reads: one page of cards matching a compiled query, the
// total, and the values the filter controls offer. Direct better-sqlite3: at
// 100k cards a search must stay under 50 ms (npm run bench).
import { sqlite, stmt } from "./sqlite";
import { RECALL_SQL, type Compiled, type CompiledQuery, type SqlContext } from "./browse-sql";

export type BrowseRow = {
  id: number;
  deckKey: string;
  deckTitle: string;
  topic: string;
  noteKey: string;
  kind: string;
  prompt: string;
  answer: string;
  state: number;
  due: number;
  interval: number;
  stability: number;
  difficulty: number;
  recall: number | null;
  lapses: number;
  reps: number;
  lastReview: number | null;
  createdAt: number;
  suspended: boolean;
  buried: boolean;
  leech: boolean;
  retired: boolean;
  flag: string | null;
};

type Raw = Omit<BrowseRow, "suspended" | "buried" | "leech" | "retired"> & { suspended: number; buried: number; leech: number; retired: number };

const from = (q: CompiledQuery) => (q.note ? `FROM Card c JOIN Note n ON n.id = c.noteId` : `FROM Card c`);

/**
 * Two steps: the page's ids (the sort reads only what it sorts by), then the
 * 50 rows' details. In one step SQLite would compute every output column —
 * JSON, recall, flag — for every match before sorting, 100k times at scale.
 */
export function searchPage(where: CompiledQuery, order: Compiled, ctx: SqlContext, limit: number, offset: number): { rows: BrowseRow[]; total: number } {
  const db = sqlite();
  // Not stmt(): the SQL text varies with the query, and the cache would grow without bound.
  const total = db
    .prepare(`SELECT count(*) AS n ${from(where)} WHERE ${where.where}`)
    .pluck()
    .get(...where.params) as number;
  const ids = db
    .prepare(`SELECT c.id ${from(where)} WHERE ${where.where} ORDER BY ${order.where} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...where.params, ...order.params, limit, offset) as number[];
  if (ids.length === 0) return { total, rows: [] };
  const rows = stmt(
    `SELECT c.id, d.key AS deckKey, d.title AS deckTitle, n.topic, n.key AS noteKey, c.kind,
       CASE WHEN json_valid(c.payload) THEN json_extract(c.payload, '$.prompt') END AS prompt, CASE WHEN json_valid(c.payload) THEN json_extract(c.payload, '$.answer') END AS answer,
       c.state, c.due, c.scheduled_days AS interval, c.stability, c.difficulty, ${RECALL_SQL} AS recall,
       c.lapses, c.reps, c.last_review AS lastReview, c.createdAt, c.suspended,
       (c.buriedUntil IS NOT NULL AND c.buriedUntil > ?) AS buried, c.leech, c.retired,
       (SELECT f.reason FROM CardFlag f WHERE f.cardId = c.id) AS flag
     FROM Card c JOIN Note n ON n.id = c.noteId JOIN Deck d ON d.id = c.deckId
     WHERE c.id IN (SELECT value FROM json_each(?))`,
  ).all(ctx.factor, ctx.todayStart, ctx.decay, ctx.now, JSON.stringify(ids)) as Raw[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    total,
    rows: ids
      .map((id) => byId.get(id)!)
      .map((r) => ({ ...r, suspended: r.suspended === 1, buried: r.buried === 1, leech: r.leech === 1, retired: r.retired === 1 })),
  };
}

/** Every card id matching a query (bulk actions on "all matching"), up to `limit`. */
export function searchIds(where: CompiledQuery, limit: number): number[] {
  return sqlite()
    .prepare(`SELECT c.id ${from(where)} WHERE ${where.where} ORDER BY c.id LIMIT ?`)
    .pluck()
    .all(...where.params, limit) as number[];
}

export type BrowseFacets = { decks: { key: string; title: string }[]; topics: string[]; kinds: string[] };

export function browseFacets(): BrowseFacets {
  return {
    decks: stmt(`SELECT key, title FROM Deck ORDER BY title`).all() as BrowseFacets["decks"],
    topics: stmt(`SELECT DISTINCT topic FROM Note ORDER BY topic`).pluck().all() as string[],
    kinds: stmt(`SELECT DISTINCT kind FROM Card ORDER BY kind`).pluck().all() as string[],
  };
}
