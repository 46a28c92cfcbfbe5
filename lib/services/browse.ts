// Use case: one page of the card browser. Parses the query (lib/browse),
// compiles it against today's study day and the forgetting curve, reads the
// page. Returns typed outcomes; routes and pages map them.
import { parseQuery, type Term } from "../browse/query";
import { forgettingCurve, nextDayStart, studyDayOf, studyDayStart } from "../srs";
import { getSettings } from "./settings";
import { invalid, type Failure } from "./outcomes";
import { compileTerms, orderBy, type Sort, type SqlContext } from "../db/browse-sql";
import { browseFacets, searchIds, searchPage, type BrowseRow } from "../db/browse";

export { browseFacets };

export const PAGE_SIZE = 50;
/** A bulk action on "every card matching" touches at most this many. */
export const MAX_BULK = 100_000;

export type BrowseInput = { q: string; sort: Sort; dir: "asc" | "desc"; page: number };

export type BrowseOutcome = { ok: true; terms: Term[]; rows: BrowseRow[]; total: number; page: number; pages: number; pageSize: number } | Failure;

/** A query that does not parse: the parser's sentence, and where the bad token starts. */
const badQuery = (error: string, position: number): Failure => invalid(error, { position });

export function sqlContext(now: Date): SqlContext {
  const s = getSettings();
  const next = nextDayStart(now, s.timezone, s.dayStartHour).getTime();
  const todayStart = studyDayStart(studyDayOf(now, s.timezone, s.dayStartHour), s.timezone, s.dayStartHour).getTime();
  const { factor, decay } = forgettingCurve(s);
  return {
    now: now.getTime(),
    todayStart,
    nextDayStart: next,
    dayStart: (label) => studyDayStart(label, s.timezone, s.dayStartHour).getTime(),
    factor,
    decay,
  };
}

export function browseCards(input: BrowseInput, now: Date): BrowseOutcome {
  const parsed = parseQuery(input.q);
  if (!parsed.ok) return badQuery(parsed.error, parsed.position);
  const ctx = sqlContext(now);
  const where = compileTerms(parsed.terms, ctx);
  const { rows, total } = searchPage(where, orderBy(input.sort, input.dir, ctx), ctx, PAGE_SIZE, (input.page - 1) * PAGE_SIZE);
  return { ok: true, terms: parsed.terms, rows, total, page: input.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), pageSize: PAGE_SIZE };
}

export type MatchOutcome = { ok: true; ids: number[] } | Failure;

/** The ids of every card a query matches (for a bulk action on all of them). */
export function matchingIds(q: string, now: Date): MatchOutcome {
  const parsed = parseQuery(q);
  if (!parsed.ok) return badQuery(parsed.error, parsed.position);
  return { ok: true, ids: searchIds(compileTerms(parsed.terms, sqlContext(now)), MAX_BULK) };
}
