// The browser's filter controls are views of the query text: choosing
// "suspended: only" rewrites `q` to hold `is:suspended`, so the URL has one
// source of truth, links and the back button work, and what a control does
// can always be typed too. Pure.
import { parseQuery, termToText, type Term } from "./query";

export const FILTERS = ["deck", "topic", "kind", "state", "due", "suspended", "buried", "leech", "flagged", "retired", "lapses"] as const;
export type Filter = (typeof FILTERS)[number];

const FLAG_FILTERS = { suspended: "suspended", buried: "buried", leech: "leech", flagged: "flagged" } as const;
const STATES = { new: "new", learning: "learn", review: "review" } as const;

/** Which control a term belongs to (null: free text or a prop the controls do not show). */
export function filterOf(t: Term): Filter | null {
  if (t.type === "field") return t.field;
  if (t.type === "dueDate") return "due";
  if (t.type === "prop") return t.prop === "lapses" && t.op === ">=" && !t.negated ? "lapses" : null;
  if (t.type !== "is") return null;
  if (t.value === "retired") return "retired";
  if (t.value === "due" || t.value === "overdue") return t.negated ? null : "due";
  if (t.value === "new" || t.value === "learn" || t.value === "review") return t.negated ? null : "state";
  return t.value in FLAG_FILTERS ? (t.value as Filter) : null;
}

/**
 * What a control shows for the current terms: "" when unset; "yes"/"no" for
 * the flag filters; the value for deck/topic/kind; "today" | "overdue" |
 * "from..to" for due; the minimum for lapses; "only" for retired.
 */
export function filterValue(terms: Term[], f: Filter): string {
  const t = terms.find((x) => filterOf(x) === f);
  if (!t) return "";
  switch (t.type) {
    case "field":
      return t.negated ? "" : t.value;
    case "dueDate":
      return t.negated ? "" : `${t.from}..${t.to}`;
    case "prop":
      return String(t.value);
    case "is":
      if (f === "due") return t.value === "due" ? "today" : "overdue";
      if (f === "state") return Object.entries(STATES).find(([, v]) => v === t.value)![0];
      if (f === "retired") return t.negated ? "" : "only";
      return t.negated ? "no" : "yes";
    default:
      return "";
  }
}

function termFor(f: Filter, value: string): Term | null {
  if (value === "") return null;
  switch (f) {
    case "deck":
    case "topic":
    case "kind":
      return { type: "field", field: f, value, negated: false };
    case "state": {
      const v = STATES[value as keyof typeof STATES];
      return v ? { type: "is", value: v, negated: false } : null;
    }
    case "due": {
      if (value === "today") return { type: "is", value: "due", negated: false };
      if (value === "overdue") return { type: "is", value: "overdue", negated: false };
      const [from, to] = value.split("..");
      return from ? { type: "dueDate", from, to: to || from, negated: false } : null;
    }
    case "lapses": {
      const n = Number(value);
      return Number.isInteger(n) && n >= 0 ? { type: "prop", prop: "lapses", op: ">=", value: n, negated: false } : null;
    }
    case "retired":
      return value === "only" ? { type: "is", value: "retired", negated: false } : null;
    default:
      return value === "yes" || value === "no" ? { type: "is", value: FLAG_FILTERS[f], negated: value === "no" } : null;
  }
}

/**
 * The query with control `f` set to `value` ("" clears it). A query that does
 * not parse is kept as typed, with the new term appended, so nothing the
 * learner wrote is lost; the page shows the parse error either way.
 */
export function withFilter(q: string, f: Filter, value: string): string {
  const add = termFor(f, value);
  const parsed = parseQuery(q);
  if (!parsed.ok) return add ? `${q.trim()} ${termToText(add)}`.trim() : q;
  const kept = parsed.terms.filter((t) => filterOf(t) !== f);
  return [...kept, ...(add ? [add] : [])].map(termToText).join(" ");
}
