// Any talk in the same format becomes its own deck with no code change: the
// photosynthesis fixture (another subject, the same quirks) builds into cards.
import { PHOTOSYNTHESIS_DECK } from "../../helpers/expected-cards";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildAllDecks, buildDeck } from "../../../lib/generate/build-deck";
import { normalizeAnswer } from "../../../lib/grade";

const FIXTURE = path.resolve("tests/fixtures/content/photosynthesis");
const tmp = mkdtempSync(path.join(tmpdir(), "cardinal-fixture-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const countByKind = (kinds: string[]) => {
  const out: Record<string, number> = {};
  for (const k of kinds) out[k] = (out[k] ?? 0) + 1;
  return out;
};

describe("the photosynthesis fixture as a deck", () => {
  const built = buildDeck(FIXTURE);

  it("builds cleanly with the talk-derived card kinds (no pipeline.yaml, no questions.yaml)", () => {
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(built.content.pipeline).toBeNull();
    // 6 terms × 2 (definition → term is one card), ATP and NADPH have expansions (2 × 2),
    // 5 takeaway clozes, 3 claim choices (two claims would keep 3 gaps), 3 TL;DR clozes.
    expect(countByKind(built.cards.map((c) => c.kind))).toEqual(PHOTOSYNTHESIS_DECK.cards);
  });

  it("gets its quirks right in the cards", () => {
    const card = (note: string, kind: string) => built.cards.find((c) => c.noteKey === note && c.kind === kind);
    expect(card("term:atp", "acronym-to-expansion")?.answer).toBe("Adenosine Triphosphate");
    // "…stored in NADPH andATP.ATP(Adenosine…" is unglued.
    expect(card("term:light-dependent-reactions", "term-to-definition")?.answer).toBe(
      "The first stage of photosynthesis, in the thylakoid membranes, where light splits water and the energy is stored in NADPH and ATP.",
    );
    for (const c of built.cards.filter((x) => x.format === "multiple-choice")) {
      const norm = (c.options ?? []).map(normalizeAnswer);
      expect(new Set(norm).size).toBe(4);
      expect(norm.filter((o) => o === normalizeAnswer(c.answer))).toHaveLength(1);
    }
    for (const c of built.cards) {
      expect(c.source.file).toMatch(/photosynthesis\/talk\.txt$/);
      expect(c.source.quote).not.toBe("");
    }
  });

  it("uses the key in deck.yaml, not the folder name", () => {
    const dir = path.join(tmp, "some-other-folder-name");
    cpSync(FIXTURE, dir, { recursive: true });
    const copy = buildDeck(dir);
    expect(copy.content.meta).toEqual({ key: "photosynthesis", title: "Photosynthesis: how plants eat sunlight", source: "talk.txt" });
    // Same content and seed (the deck key) → the same cards, wherever the folder is.
    expect(copy.cards.map(({ source, ...c }) => ({ ...c, line: source.line, quote: source.quote }))).toEqual(
      built.cards.map(({ source, ...c }) => ({ ...c, line: source.line, quote: source.quote })),
    );
  });

  it("without deck.yaml, the folder name is the key and the only .txt file the source", () => {
    const dir = path.join(tmp, "plants");
    cpSync(FIXTURE, dir, { recursive: true });
    rmSync(path.join(dir, "deck.yaml"));
    const bare = buildDeck(dir);
    expect(bare.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(bare.content.meta).toEqual({ key: "plants", title: "plants", source: "talk.txt" });
    expect(bare.cards).toHaveLength(built.cards.length);
  });

  it("sits next to the real deck in one content folder as a deck of its own", () => {
    const content = path.join(tmp, "content");
    cpSync(path.resolve("content/claude-character"), path.join(content, "claude-character"), { recursive: true });
    cpSync(FIXTURE, path.join(content, "photosynthesis"), { recursive: true });
    const decks = buildAllDecks(content);
    expect(decks.map((d) => [d.content.meta.key, d.cards.length, d.diagnostics.filter((x) => x.severity === "error").length])).toEqual([
      ["claude-character", 124, 0],
      ["photosynthesis", 27, 0],
    ]);
  });

  it("two folders claiming the same deck key is an error on the second", () => {
    const content = path.join(tmp, "content-dup");
    cpSync(FIXTURE, path.join(content, "a-photosynthesis"), { recursive: true });
    cpSync(FIXTURE, path.join(content, "b-copy"), { recursive: true });
    const [a, b] = buildAllDecks(content);
    expect(a?.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(b?.diagnostics.filter((d) => d.severity === "error")).toEqual([
      {
        file: path.relative(process.cwd(), path.join(content, "b-copy", "deck.yaml")),
        line: 1,
        severity: "error",
        message: `deck key photosynthesis is already used by ${path.relative(process.cwd(), path.join(content, "a-photosynthesis"))}; give each deck its own key`,
      },
    ]);
  });
});
