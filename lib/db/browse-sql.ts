// Compiles the browser's parsed search terms (lib/browse/query.ts) to a
// parameterised WHERE clause over `Card c JOIN Note n`. Every value the
// learner typed is a bound parameter; only fixed SQL fragments are joined.
import type { Op, Prop, Term } from "../browse/query";

export type SqlContext = {
  now: number;
  /** Start of today's study day and of tomorrow's (epoch ms). */
  todayStart: number;
  nextDayStart: number;
  /** Epoch ms of the start of a study day given as YYYY-MM-DD. */
  dayStart: (label: string) => number;
  /** The forgetting curve R = (1 + factor·t/S)^decay (lib/srs forgettingCurve). */
  factor: number;
  decay: number;
};

export type Compiled = { where: string; params: unknown[] };
/** A compiled query; `note` says whether it reads the note (n.), so the join can be left out when not. */
export type CompiledQuery = Compiled & { note: boolean };

const DAY = 86_400_000;

/**
 * Current probability of recall; NULL for cards never reviewed. Parameters:
 * factor, todayStart, decay. Elapsed time counts whole study days, as
 * lib/srs retrievability does (and so the card page): the days between the
 * study day of the last review and today's (exact except for a review within
 * an hour of a day start across a DST change).
 */
export const RECALL_SQL = `CASE WHEN c.state = 0 OR c.stability <= 0 OR c.last_review IS NULL THEN NULL
  ELSE pow(1.0 + ? * max(0, -floor((c.last_review - ?) / ${DAY}.0)) / c.stability, ?) END`;

const OPS: Record<Op, string> = { "<": "<", "<=": "<=", ">": ">", ">=": ">=", "=": "=", "!=": "<>" };

/** `*` is the wildcard; `%` and `_` mean themselves. */
export function likePattern(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`).replaceAll("*", "%");
}

/** An FTS5 query string: the text as one quoted phrase (a prefix, for a bare word). */
export function ftsPhrase(text: string, prefix: boolean): string {
  return `"${text.replaceAll('"', '""')}"${prefix ? "*" : ""}`;
}

function propSql(prop: Prop, ctx: SqlContext): { sql: string; params: unknown[] } {
  switch (prop) {
    case "lapses":
    case "reps":
    case "stability":
    case "difficulty":
      return { sql: `c.${prop}`, params: [] };
    case "ivl":
      return { sql: `(CASE WHEN c.state = 0 THEN NULL ELSE c.scheduled_days END)`, params: [] };
    case "due":
      // Days from today's study day to the one the card is due on (negative: overdue).
      return { sql: `(CASE WHEN c.state = 0 THEN NULL ELSE CAST(floor((c.due - ?) / ${DAY}.0) AS INTEGER) END)`, params: [ctx.todayStart] };
    case "r":
      throw new Error("prop:r is compiled by recallSql");
  }
}

/**
 * Elapsed study days over stability, NULL for a card never reviewed. Recall
 * R = (1 + factor·x)^decay falls as x grows (decay < 0), so "R < v" is
 * "x > (v^(1/decay) − 1) / factor": filters and sorts on recall need no pow()
 * per row. Parameter: todayStart.
 */
const ELAPSED_OVER_STABILITY = `(CASE WHEN c.state = 0 OR c.stability <= 0 OR c.last_review IS NULL THEN NULL
  ELSE max(0, -floor((c.last_review - ?) / ${DAY}.0)) / c.stability END)`;

/** The x where recall equals v (see above): ±Infinity outside (0, 1]. */
export function ratioAtRecall(v: number, ctx: Pick<SqlContext, "factor" | "decay">): number {
  if (v <= 0) return Number.POSITIVE_INFINITY;
  if (v > 1) return Number.NEGATIVE_INFINITY;
  return (v ** (1 / ctx.decay) - 1) / ctx.factor;
}

// Recall compared with v is elapsed/stability compared with ratioAtRecall(v), the other way round.
const FLIPPED: Record<Op, string> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "=", "!=": "<>" };

function recallSql(op: Op, v: number, ctx: SqlContext): { sql: string; params: unknown[] } {
  const t = ratioAtRecall(v, ctx);
  // SQLite has no infinity literal to bind: clamp to a bound no real ratio reaches.
  const bound = Number.isFinite(t) ? t : t > 0 ? 1e300 : -1e300;
  return { sql: `${ELAPSED_OVER_STABILITY} ${FLIPPED[op]} ?`, params: [ctx.todayStart, bound] };
}

function termSql(t: Term, ctx: SqlContext): { sql: string; params: unknown[] } {
  switch (t.type) {
    case "text":
      return { sql: `c.id IN (SELECT rowid FROM CardSearch WHERE CardSearch MATCH ?)`, params: [ftsPhrase(t.text, !t.phrase)] };
    case "field":
      if (t.field === "deck") {
        return {
          sql: `+c.deckId IN (SELECT id FROM Deck WHERE key LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\')`,
          params: [likePattern(t.value), likePattern(t.value)],
        };
      }
      return { sql: `${t.field === "topic" ? "n.topic" : "c.kind"} LIKE ? ESCAPE '\\'`, params: [likePattern(t.value)] };
    case "dueDate":
      return { sql: `(c.state <> 0 AND c.due >= ? AND c.due < ?)`, params: [ctx.dayStart(t.from), ctx.dayStart(t.to) + DAY] };
    case "prop": {
      if (t.prop === "r") return recallSql(t.op, t.value, ctx);
      const p = propSql(t.prop, ctx);
      return { sql: `${p.sql} ${OPS[t.op]} ?`, params: [...p.params, t.value] };
    }
    case "is":
      switch (t.value) {
        case "due":
          return { sql: `(c.state <> 0 AND c.due < ?)`, params: [ctx.nextDayStart] };
        case "overdue":
          return { sql: `(c.state <> 0 AND c.due < ?)`, params: [ctx.todayStart] };
        case "new":
          return { sql: `c.state = 0`, params: [] };
        case "learn":
          return { sql: `c.state IN (1, 3)`, params: [] };
        case "review":
          return { sql: `c.state = 2`, params: [] };
        case "suspended":
          return { sql: `c.suspended = 1`, params: [] };
        case "buried":
          return { sql: `(c.buriedUntil IS NOT NULL AND c.buriedUntil > ?)`, params: [ctx.now] };
        case "leech":
          return { sql: `c.leech = 1`, params: [] };
        case "flagged":
          return { sql: `EXISTS (SELECT 1 FROM CardFlag f WHERE f.cardId = c.id)`, params: [] };
        case "retired":
          return { sql: `c.retired = 1`, params: [] };
      }
  }
}

/**
 * All terms must hold. Retired cards (their content item is gone) are left
 * out unless the query says something about `is:retired`.
 */
export function compileTerms(terms: Term[], ctx: SqlContext): CompiledQuery {
  const parts: string[] = [];
  const params: unknown[] = [];
  // `+` keeps SQLite (which has no statistics here) from picking an index by
  // retired or deckId and fetching most rows one by one: a scan of the
  // browser's covering index (Card_retired_state_due_idx) is cheaper, and full-text
  // matches still go by rowid.
  if (!terms.some((t) => t.type === "is" && t.value === "retired")) parts.push("+c.retired = 0");
  for (const t of terms) {
    const s = termSql(t, ctx);
    // NULL (a new card has no interval or recall) counts as "does not hold", negated or not.
    parts.push(t.negated ? `NOT ifnull((${s.sql}), 0)` : `(${s.sql})`);
    params.push(...s.params);
  }
  const where = parts.join(" AND ");
  return { where, params, note: where.includes("n.") };
}

export const SORTS = ["due", "interval", "stability", "difficulty", "recall", "lapses", "lastReview", "added"] as const;
export type Sort = (typeof SORTS)[number];

/** ORDER BY for a sort; cards without a value (never reviewed) always come last. */
export function orderBy(sort: Sort, dir: "asc" | "desc", ctx: SqlContext): Compiled {
  const d = dir === "desc" ? "DESC" : "ASC";
  // One evaluation a row: a missing value sorts as the far end of the order.
  const by = (expr: string, params: unknown[] = []) => ({ where: `coalesce(${expr}, ${dir === "desc" ? "-1e308" : "1e308"}) ${d}, c.id ${d}`, params });
  switch (sort) {
    case "due":
      return { where: `c.due ${d}, c.id ${d}`, params: [] };
    case "interval":
      return by(`(CASE WHEN c.state = 0 THEN NULL ELSE c.scheduled_days END)`);
    case "stability":
      return by(`(CASE WHEN c.state = 0 THEN NULL ELSE c.stability END)`);
    case "difficulty":
      return by(`(CASE WHEN c.state = 0 THEN NULL ELSE c.difficulty END)`);
    case "recall": {
      // Lowest recall first is highest elapsed/stability first: the order is flipped.
      const flip = dir === "desc" ? "ASC" : "DESC";
      return { where: `coalesce(${ELAPSED_OVER_STABILITY}, ${dir === "desc" ? "1e308" : "-1e308"}) ${flip}, c.id ${d}`, params: [ctx.todayStart] };
    }
    case "lapses":
      return { where: `c.lapses ${d}, c.id ${d}`, params: [] };
    case "lastReview":
      return by(`c.last_review`);
    case "added":
      return { where: `c.createdAt ${d}, c.id ${d}`, params: [] };
  }
}
