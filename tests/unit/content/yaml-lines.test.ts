// Content diagnostics name the exact line: YAML syntax errors (which used to
// all say line 1) and schema errors, including an unknown field, which points
// at the field's own line rather than at its item.
import { describe, expect, it } from "vitest";
import { parseYaml } from "@/lib/content/parse-yaml";
import { questionsSchema } from "@/lib/content/authored-schema";

// A questions file of 80 true/false items, 8 lines each after the `questions:` line:
// item i starts at line 2 + 8i, so line 19 is item 2's topic, 20 its type, and 557 item 69's prompt.
const item = (i: number) => [
  `  - key: q-${i}`,
  "    topic: pipeline",
  "    type: true-false",
  `    prompt: "Is statement ${i} true?"`,
  "    answer: true",
  `    explanation: "Because of reason ${i}."`,
  `    quote: "quote number ${i}"`,
  "",
];
const lines = () => ["questions:", ...Array.from({ length: 80 }, (_, i) => item(i)).flat()];
const withLine = (n: number, text: string) => {
  const l = lines();
  expect(l[n - 1]).not.toBe(""); // replacing a real line, not a blank one
  l[n - 1] = text;
  return l.join("\n");
};
const check = (text: string) => parseYaml(text, "content/x/questions.yaml", questionsSchema);
const at = (text: string) => check(text).diagnostics.map((d) => ({ line: d.line, message: d.message }));

describe("the file as written is valid", () => {
  it("has no diagnostics and all 80 items", () => {
    const r = check(lines().join("\n"));
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.questions).toHaveLength(80);
  });
});

describe("YAML syntax errors at their own line", () => {
  it.each([
    [19, "    topic: a: b", /Nested mappings/],
    [20, "\ttype: true-false", /Tabs are not allowed/],
    [557, '    prompt: "Is this quote closed?', /Missing closing "quote/],
  ])("line %i", (n, text, message) => {
    const d = at(withLine(n, text));
    expect(d.length).toBeGreaterThan(0);
    expect(d[0]).toEqual({ line: n, message: expect.stringMatching(message) });
    expect(check(withLine(n, text)).value).toBeNull();
  });
});

describe("schema errors at the offending value's line", () => {
  it.each([
    [19, "    topic: cooking", "questions.2.topic: Invalid option"],
    [20, "    type: essay", "questions.2.type: Invalid discriminator value"],
    [557, '    prompt: ""', "questions.69.prompt: must not be empty"],
  ])("line %i", (n, text, message) => {
    expect(at(withLine(n, text))).toEqual([{ line: n, message: expect.stringContaining(message) }]);
  });

  it("an unknown field in the middle of an item points at the field's line, not the item's", () => {
    const l = lines();
    // Item 40 starts at line 322; its prompt is line 325. The new field becomes line 326.
    l.splice(325, 0, '    hint: "think of the talk"');
    expect(l[325]).toBe('    hint: "think of the talk"');
    expect(at(l.join("\n"))).toEqual([{ line: 326, message: 'questions.40.hint: unknown field "hint"' }]);
  });

  it("two unknown fields in one item each get their own line", () => {
    const l = lines();
    l.splice(4, 0, "    colour: red"); // line 5, inside item 0 (lines 2-8)
    l.splice(7, 0, "    size: 3"); // line 8
    expect(at(l.join("\n"))).toEqual([
      { line: 5, message: 'questions.0.colour: unknown field "colour"' },
      { line: 8, message: 'questions.0.size: unknown field "size"' },
    ]);
  });
});
