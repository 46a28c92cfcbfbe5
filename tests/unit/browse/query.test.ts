import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { parseQuery, termToText } from "@/lib/browse/query";
import { filterValue, withFilter } from "@/lib/browse/filters";

const terms = (q: string) => {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(r.error);
  return r.terms;
};

describe("parseQuery", () => {
  it("reads words, phrases, keys, props and negation", () => {
    expect(
      terms(
        `reward -"human feedback" is:due -is:suspended deck:claude* topic:"two words" kind:cloze prop:lapses>3 prop:ivl>=10 prop:r<0.85 due:2026-12-01..2026-12-07`,
      ),
    ).toEqual([
      { type: "text", text: "reward", phrase: false, negated: false },
      { type: "text", text: "human feedback", phrase: true, negated: true },
      { type: "is", value: "due", negated: false },
      { type: "is", value: "suspended", negated: true },
      { type: "field", field: "deck", value: "claude*", negated: false },
      { type: "field", field: "topic", value: "two words", negated: false },
      { type: "field", field: "kind", value: "cloze", negated: false },
      { type: "prop", prop: "lapses", op: ">", value: 3, negated: false },
      { type: "prop", prop: "ivl", op: ">=", value: 10, negated: false },
      { type: "prop", prop: "r", op: "<", value: 0.85, negated: false },
      { type: "dueDate", from: "2026-12-01", to: "2026-12-07", negated: false },
    ]);
  });

  it("an empty query has no terms (every card)", () => {
    expect(terms("   ")).toEqual([]);
  });

  it.each([
    [`"unclosed phrase`, /unclosed quote/],
    [`is:sleepy`, /unknown "is:sleepy".*is:due/],
    [`prop:lapses>>3`, /cannot read "prop:lapses>>3"/],
    [`prop:colour>3`, /unknown property "colour"/],
    [`foo:bar`, /unknown search key "foo:"/],
    [`deck:`, /needs a value/],
    [`due:2026-02-30`, /cannot read "due:2026-02-30"/],
    [`due:2026-12-09..2026-12-01`, /ends before it starts/],
    [`a"b`, /stray quote/],
    [`-- ...`, /no letters or digits/],
  ])("refuses %s with one clear error", (q, msg) => {
    const r = parseQuery(q);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(msg);
  });

  it("names where the bad token starts", () => {
    const r = parseQuery(`reward is:nope`);
    expect(r.ok ? null : r.position).toBe(7);
  });

  it("printing the terms and reading them back gives the same terms", () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/).filter((w) => !["is", "deck", "topic", "kind", "prop", "due"].includes(w));
    const term = fc.oneof(
      word,
      fc.array(word, { minLength: 2, maxLength: 3 }).map((ws) => `"${ws.join(" ")}"`),
      fc.constantFrom("is:due", "is:new", "is:flagged", "deck:claude-character", `topic:"a b"`, "prop:lapses>3", "prop:ivl<=7", "due:2026-12-01"),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), term), { maxLength: 6 }), (parts) => {
        const q = parts.map(([neg, t]) => (neg ? `-${t}` : t)).join(" ");
        const once = terms(q);
        expect(terms(once.map(termToText).join(" "))).toEqual(once);
      }),
    );
  });
});

describe("filter controls rewrite the query", () => {
  it("sets, replaces and clears one control, keeping the rest of the query", () => {
    let q = "reward is:suspended";
    q = withFilter(q, "deck", "claude-character");
    expect(q).toBe("reward is:suspended deck:claude-character");
    q = withFilter(q, "suspended", "no");
    expect(q).toBe("reward deck:claude-character -is:suspended");
    expect(filterValue(terms(q), "suspended")).toBe("no");
    q = withFilter(q, "due", "2026-12-01..2026-12-03");
    expect(filterValue(terms(q), "due")).toBe("2026-12-01..2026-12-03");
    q = withFilter(q, "due", "today");
    expect(q).toBe("reward deck:claude-character -is:suspended is:due");
    q = withFilter(q, "deck", "");
    expect(q).toBe("reward -is:suspended is:due");
    expect(withFilter(q, "lapses", "3")).toBe("reward -is:suspended is:due prop:lapses>=3");
  });

  it("keeps a query that does not parse as typed", () => {
    expect(withFilter(`"open`, "state", "new")).toBe(`"open is:new`);
  });
});
