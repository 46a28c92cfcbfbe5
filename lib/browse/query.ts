// The card browser's search language, in Anki's spirit. Pure: a query string
// becomes a list of terms (all must hold), or one error that names the bad
// token and its position. lib/db/browse-sql.ts compiles the terms to
// parameterised SQL; nothing typed here ever becomes SQL text.
//
//   word  "a phrase"          full text (prompt, answer, note fields, quote); a word matches as a prefix
//   is:due is:new is:learn is:review is:overdue is:suspended is:buried is:leech is:flagged is:retired
//   deck:key  topic:name  kind:name   (* is a wildcard; quote values with spaces: deck:"my deck")
//   due:2026-12-01  due:2026-12-01..2026-12-31   due on a study day, or in a range of them (inclusive)
//   prop:lapses>3  prop:ivl>=10  prop:due<0  prop:stability>30  prop:difficulty<5  prop:reps=0  prop:r<0.8
//   -term                     negation of any of the above

export const IS_VALUES = ["due", "new", "learn", "review", "overdue", "suspended", "buried", "leech", "flagged", "retired"] as const;
export type IsValue = (typeof IS_VALUES)[number];

/** prop: names and what they mean (ivl and due in days; due relative to today; r = recall now, 0–1). */
export const PROPS = ["lapses", "reps", "ivl", "due", "stability", "difficulty", "r"] as const;
export type Prop = (typeof PROPS)[number];
const PROP_ALIASES: Record<string, Prop> = { s: "stability", d: "difficulty", interval: "ivl", recall: "r" };

export const FIELDS = ["deck", "topic", "kind"] as const;
export type Field = (typeof FIELDS)[number];

export type Op = "<" | "<=" | ">" | ">=" | "=" | "!=";

export type Term =
  | { type: "text"; text: string; phrase: boolean; negated: boolean }
  | { type: "is"; value: IsValue; negated: boolean }
  | { type: "field"; field: Field; value: string; negated: boolean }
  | { type: "prop"; prop: Prop; op: Op; value: number; negated: boolean }
  /** Study days as YYYY-MM-DD labels, inclusive. */
  | { type: "dueDate"; from: string; to: string; negated: boolean };

export type ParseResult = { ok: true; terms: Term[] } | { ok: false; error: string; position: number };

export const MAX_QUERY_LENGTH = 500;

class QueryError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

type Token = { text: string; quoted: boolean; position: number; negated: boolean; key: string | null };

/** Splits on spaces, keeping "quoted phrases" (also as key:"value") whole. */
function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    if (/\s/.test(q[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let negated = false;
    if (q[i] === "-" && i + 1 < q.length && !/\s/.test(q[i + 1]!)) {
      negated = true;
      i++;
    }
    let key: string | null = null;
    const keyMatch = /^([A-Za-z]+):/.exec(q.slice(i));
    if (keyMatch) {
      key = keyMatch[1]!.toLowerCase();
      i += keyMatch[0].length;
    }
    if (q[i] === '"') {
      const close = q.indexOf('"', i + 1);
      if (close < 0) throw new QueryError(`unclosed quote at position ${i + 1}: add a closing "`, i);
      tokens.push({ text: q.slice(i + 1, close), quoted: true, position: start, negated, key });
      i = close + 1;
      if (i < q.length && !/\s/.test(q[i]!)) throw new QueryError(`put a space after the closing quote at position ${i}`, i);
      continue;
    }
    let end = i;
    while (end < q.length && !/\s/.test(q[end]!)) end++;
    const text = q.slice(i, end);
    if (text.includes('"')) throw new QueryError(`stray quote in "${q.slice(start, end)}" at position ${start + 1}: quote whole phrases, "like this"`, start);
    tokens.push({ text, quoted: false, position: start, negated, key });
    i = end;
  }
  return tokens;
}

const PROP_RE = /^([A-Za-z]+)(<=|>=|!=|<|>|=)(-?\d+(?:\.\d+)?)$/;

function toTerm(t: Token): Term {
  const where = `at position ${t.position + 1}`;
  if (t.key === null) {
    if (!/[\p{L}\p{N}]/u.test(t.text)) throw new QueryError(`"${t.text}" ${where} has no letters or digits to search for`, t.position);
    return { type: "text", text: t.text, phrase: t.quoted, negated: t.negated };
  }
  if (t.key === "is") {
    const v = t.text.toLowerCase();
    if (!(IS_VALUES as readonly string[]).includes(v)) {
      throw new QueryError(`unknown "is:${t.text}" ${where}; use one of ${IS_VALUES.map((x) => `is:${x}`).join(", ")}`, t.position);
    }
    return { type: "is", value: v as IsValue, negated: t.negated };
  }
  if ((FIELDS as readonly string[]).includes(t.key)) {
    if (t.text === "") throw new QueryError(`"${t.key}:" needs a value ${where}, e.g. ${t.key}:name`, t.position);
    return { type: "field", field: t.key as Field, value: t.text, negated: t.negated };
  }
  if (t.key === "due") {
    const m = /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/.exec(t.text);
    if (!m || !isDate(m[1]!) || (m[2] !== undefined && !isDate(m[2]))) {
      throw new QueryError(`cannot read "due:${t.text}" ${where}; write a date or a range, e.g. due:2026-12-01 or due:2026-12-01..2026-12-31`, t.position);
    }
    const from = m[1]!;
    const to = m[2] ?? from;
    if (to < from) throw new QueryError(`"due:${t.text}" ${where} ends before it starts`, t.position);
    return { type: "dueDate", from, to, negated: t.negated };
  }
  if (t.key === "prop") {
    const m = PROP_RE.exec(t.text);
    if (!m) throw new QueryError(`cannot read "prop:${t.text}" ${where}; write it like prop:lapses>3 or prop:ivl>=10`, t.position);
    const name = m[1]!.toLowerCase();
    const prop = (PROPS as readonly string[]).includes(name) ? (name as Prop) : PROP_ALIASES[name];
    if (!prop) throw new QueryError(`unknown property "${m[1]}" ${where}; use one of ${PROPS.join(", ")}`, t.position);
    return { type: "prop", prop, op: m[2] as Op, value: Number(m[3]), negated: t.negated };
  }
  throw new QueryError(`unknown search key "${t.key}:" ${where}; use is:, deck:, topic:, kind:, due: or prop: (or quote the text)`, t.position);
}

function isDate(label: string): boolean {
  const d = new Date(`${label}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === label;
}

export function parseQuery(q: string): ParseResult {
  if (q.length > MAX_QUERY_LENGTH)
    return { ok: false, error: `the search is too long (${q.length} characters; at most ${MAX_QUERY_LENGTH})`, position: MAX_QUERY_LENGTH };
  try {
    return { ok: true, terms: tokenize(q).map(toTerm) };
  } catch (e) {
    if (e instanceof QueryError) return { ok: false, error: e.message, position: e.position };
    throw e;
  }
}

/** The query text a term stands for (the browser's filter controls add terms this way). */
export function termToText(t: Term): string {
  const quote = (s: string) => (/[\s"]/.test(s) || s === "" ? `"${s.replaceAll('"', "")}"` : s);
  const body =
    t.type === "text"
      ? t.phrase
        ? `"${t.text}"`
        : t.text
      : t.type === "is"
        ? `is:${t.value}`
        : t.type === "field"
          ? `${t.field}:${quote(t.value)}`
          : t.type === "dueDate"
            ? `due:${t.from}${t.to === t.from ? "" : `..${t.to}`}`
            : `prop:${t.prop}${t.op}${t.value}`;
  return (t.negated ? "-" : "") + body;
}
