// Issue 11: no card gives its answer away, over every card of every deck under
// content/ and the test fixtures. A prompt (or hint) holds neither the answer
// nor a morphological variant of it (same stem, or a derivation: "aligned" for
// Alignment, "constitution" for Constitutional AI); no wrong option is the
// answer in other words; a masked prompt is a readable sentence with one blank.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listDeckDirs } from "../../../lib/content/load-deck";
import { buildDeck } from "../../../lib/generate/build-deck";
import { blankProblem, commonStems, distinctiveStems, itemText, leakedWords } from "../../../lib/generate/leak";
import { generateCards } from "../../../lib/generate/generate";
import type { ContentItem } from "../../../lib/content/items";

const DECKS = [...listDeckDirs(path.resolve("content")), ...listDeckDirs(path.resolve("tests/fixtures/content"))];

describe.each(DECKS.map((d) => [path.basename(d), d]))("every card of %s", (_name, dir) => {
  const built = buildDeck(dir);
  const common = commonStems(built.content.items.map(itemText));
  const asked = built.cards.filter((c) => c.format !== "order" && c.format !== "true-false");

  it("has cards", () => expect(asked.length).toBeGreaterThan(5));

  it.each(asked.map((c) => [`${c.noteKey} ${c.kind}`, c]))("%s: the prompt does not give the answer away", (_k, c) => {
    expect(leakedWords(c.prompt.replace(/_{3,}/g, " "), c.answer, common)).toEqual([]);
  });

  it("no wrong option is a variant of the answer", () => {
    for (const c of built.cards.filter((x) => x.options && x.format !== "true-false")) {
      const answer = new Set(distinctiveStems(c.answer, common));
      for (const o of c.options!.filter((x) => x !== c.answer)) {
        const opt = new Set(distinctiveStems(o, common));
        const same = answer.size > 0 && answer.size === opt.size && [...answer].every((s) => opt.has(s));
        expect(same, `${c.noteKey} ${c.kind}: "${o}" vs "${c.answer}"`).toBe(false);
      }
    }
  });

  it("every masked prompt is a readable sentence with exactly one blank", () => {
    for (const c of built.cards.filter((x) => /_{3,}/.test(x.prompt) || x.format === "cloze")) {
      expect(blankProblem(c.prompt), `${c.noteKey} ${c.kind}: ${c.prompt}`).toBeNull();
    }
  });
});

describe("cards that would leak are not generated", () => {
  const source = { file: "t.txt", line: 1, quote: "q" };
  const term = (key: string, name: string, definition: string): ContentItem => ({
    kind: "term",
    key,
    topic: "vocabulary",
    term: name,
    expansion: null,
    definition,
    source,
  });
  const items = [
    term("term:alignment", "Alignment", "The field that makes sure models are aligned with human values."),
    term("term:echo", "Echo", "An echo is echoed sound: the echoes come back."),
    term("term:drift", "Drift", "Slow change of behaviour over time."),
    term("term:probe", "Probe", "A small test of what a model knows."),
  ];
  const { cards, diagnostics } = generateCards(items, "s");
  it("a variant of the term in its definition is masked (one blank)", () => {
    expect(cards.find((c) => c.noteKey === "term:alignment" && c.kind === "definition-to-term")?.prompt).toBe(
      "Which term is this? The field that makes sure models are _____ with human values.",
    );
  });
  it("a definition naming its term several times gives no definition-to-term card, with a warning", () => {
    expect(cards.find((c) => c.noteKey === "term:echo" && c.kind === "definition-to-term")).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toContain("the definition of Echo names it 3 times; no definition-to-term card");
  });
});
