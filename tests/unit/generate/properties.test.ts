// Property tests (fast-check) for the generator: multiple-choice options,
// distractors, clozes and masking hold for arbitrary content, not just the talk.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateCards, mask, GAP } from "../../../lib/generate/generate";
import { makeCloze, CLOZE_GAP } from "../../../lib/generate/cloze";
import { pickDistractors } from "../../../lib/generate/distractors";
import { STOP_WORDS } from "../../../lib/generate/stop-words";
import { stem } from "../../../lib/generate/text-similarity";
import { normalizeAnswer } from "../../../lib/grade";
import type { ContentItem, ItemOf } from "../../../lib/content/items";
import type { GeneratedCard } from "../../../lib/generate/types";

const source = { file: "t.txt", line: 1, quote: "q" };

// The cloze's own notion of a word.
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const wordsOf = (s: string) => s.match(WORD) ?? [];

// Vocabulary for definitions and takeaway texts: content words, stop words
// (including curly-apostrophe spellings), inflections of one stem, hyphenated
// compounds, and words that collide with the term names below.
const VOCAB = [
  "model",
  "models",
  "modelling",
  "training",
  "trained",
  "trains",
  "preference",
  "preferences",
  "human",
  "humans",
  "feedback",
  "signal",
  "principle",
  "principles",
  "stage",
  "stages",
  "response",
  "responses",
  "character",
  "traits",
  "fine-tuning",
  "pre-training",
  "tuning",
  "learning",
  "reinforcement",
  "system",
  "prompt",
  "data",
  "reward",
  "the",
  "a",
  "of",
  "and",
  "which",
  "that",
  "their",
  "about",
  "there",
  "would",
  "doesn't",
  "doesn’t",
  "won’t",
  "it’s",
  "they're",
  "AI",
  "RL-AIF",
  "RLAIF",
  "rlhf",
  "2024",
  "e.g.",
  "x",
];
const sep = fc.constantFrom(" ", " ", " ", ", ", ". ", " (", ") ", " — ", "; ", ": ");
const textArb = fc.array(fc.tuple(fc.constantFrom(...VOCAB), sep), { minLength: 1, maxLength: 30 }).map((parts) =>
  parts
    .map(([w, s]) => w + s)
    .join("")
    .trim(),
);

// Term names: one to three words, hyphens or spaces, random case; extra
// spelling variants of earlier terms ("RL-AIF" vs "rlaif") so normalisation
// collisions happen.
const nameWord = fc.stringMatching(/^[A-Za-z][a-z]{1,7}$/);
const nameArb = fc
  .tuple(fc.array(nameWord, { minLength: 1, maxLength: 3 }), fc.constantFrom(" ", "-"), fc.constantFrom("as-is", "upper", "lower"))
  .map(([ws, s, c]) => {
    const n = ws.join(s);
    return c === "upper" ? n.toUpperCase() : c === "lower" ? n.toLowerCase() : n;
  });
const variant = (n: string) => n.toUpperCase().replace(/[- ]/g, "");

type TermSpec = { term: string; expansion: string | null; definition: string };
const termsArb = fc
  .tuple(fc.uniqueArray(fc.tuple(nameArb, fc.option(nameArb, { nil: null }), textArb), { minLength: 1, maxLength: 8, selector: ([n]) => n }), fc.boolean())
  .map(([ts, addVariant]) => {
    const specs: TermSpec[] = ts.map(([term, expansion, definition]) => ({ term, expansion, definition }));
    const first = specs[0]!;
    if (addVariant && !specs.some((s) => s.term === variant(first.term)))
      specs.push({ term: variant(first.term), expansion: null, definition: first.definition });
    return specs;
  });

const termItems = (specs: readonly TermSpec[]): ItemOf<"term">[] =>
  specs.map((s, i) => ({ kind: "term", key: `term:${i}`, topic: "vocabulary", term: s.term, expansion: s.expansion, definition: s.definition, source }));

const takeawaysArb = fc.array(fc.tuple(nameArb, textArb), { minLength: 0, maxLength: 8 });
const takeawayItems = (ts: readonly [string, string][]): ItemOf<"takeaway">[] =>
  ts.map(([title, text], i) => ({ kind: "takeaway", key: `takeaway:${i}`, topic: "takeaways", title, text, source }));

function expectGoodChoice(c: GeneratedCard) {
  const options = c.options ?? [];
  const norm = options.map(normalizeAnswer);
  expect(new Set(norm).size).toBe(norm.length);
  expect(norm.filter((o) => o === normalizeAnswer(c.answer))).toHaveLength(1);
  expect(options).toContain(c.answer);
  expect(options.length).toBeGreaterThanOrEqual(3);
  expect(options.length).toBeLessThanOrEqual(4);
}

function expectGoodCloze(text: string, prompt: string, answer: string) {
  expect(prompt.split(CLOZE_GAP)).toHaveLength(2);
  // prompt + answer gives the original text back
  expect(prompt.replace(CLOZE_GAP, answer)).toBe(text);
  const hidden = wordsOf(answer);
  expect(hidden.length).toBeGreaterThanOrEqual(1);
  expect(hidden.join(" ")).toBe(answer);
  for (const w of hidden) {
    expect(STOP_WORDS.has(w.toLowerCase().replace(/’/g, "'")), `stop word ${w} hidden`).toBe(false);
  }
  const shown = new Set(wordsOf(prompt).map(stem));
  for (const w of hidden) expect(shown.has(stem(w)), `${w} also appears in ${prompt}`).toBe(false);
}

describe("multiple-choice cards and distractors", { timeout: 60_000 }, () => {
  it("definition → term choice: distinct options, the answer exactly once, for any term list", () => {
    fc.assert(
      fc.property(termsArb, fc.string(), (specs, seed) => {
        const { cards } = generateCards(termItems(specs), seed);
        cards.filter((c) => c.options).forEach(expectGoodChoice);
        // With four terms that read differently, every definition → term card carries its 4 options (the quiz's format).
        const distinct = new Set(specs.map((s) => normalizeAnswer(s.term))).size;
        const defToTerm = cards.filter((c) => c.kind === "definition-to-term");
        if (distinct >= 4 && specs.every((s) => normalizeAnswer(s.term) !== "")) {
          for (const c of defToTerm) expect(c.options).toHaveLength(4);
        }
        // A definition that names its term more than once gives no definition → term card.
        for (const c of defToTerm) expect(c.prompt.match(/_{3,}/g)?.length ?? 0).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });

  it("takeaway claim choice: distinct options, the answer exactly once", () => {
    fc.assert(
      fc.property(takeawaysArb, fc.string(), (ts, seed) => {
        const { cards } = generateCards(takeawayItems(ts), seed);
        cards.filter((c) => c.format === "multiple-choice").forEach(expectGoodChoice);
      }),
      { numRuns: 200 },
    );
  });

  it("distractors are never equal to the answer and never repeat", () => {
    const cand = fc.record({
      key: fc.constantFrom("a", "b", "c", "d", "e", "f", "g"),
      text: fc.oneof(nameArb, fc.constantFrom("RL-AIF", "rlaif", "R.L.A.I.F.", "", "—")),
      meaning: textArb,
    });
    fc.assert(
      fc.property(cand, fc.array(cand, { maxLength: 12 }), fc.integer({ min: 0, max: 5 }), (answer, candidates, n) => {
        const out = pickDistractors(answer, candidates, n);
        expect(out.length).toBeLessThanOrEqual(n);
        const norm = out.map(normalizeAnswer);
        expect(norm).not.toContain(normalizeAnswer(answer.text));
        expect(norm).not.toContain("");
        expect(new Set(norm).size).toBe(norm.length);
        for (const o of out) expect(candidates.some((c) => c.text === o && c.key !== answer.key)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("authored multiple-choice questions keep their options", () => {
    const q: ContentItem = {
      kind: "question",
      key: "question:q",
      topic: "pipeline",
      type: "multiple-choice",
      prompt: "P?",
      answer: "A",
      options: ["B", "C", "D"],
      explanation: "E",
      source,
    };
    const [c] = generateCards([q], "s").cards;
    expect([...(c?.options ?? [])].sort()).toEqual(["A", "B", "C", "D"]);
    expectGoodChoice(c!);
  });
});

describe("cloze", { timeout: 60_000 }, () => {
  it("hides content words only, never leaks them, and reconstructs the text", () => {
    const dfArb = fc.func(fc.integer({ min: 0, max: 9 }));
    const conceptArb = fc.uniqueArray(fc.constantFrom(...VOCAB.map(stem)), { maxLength: 6 });
    fc.assert(
      fc.property(textArb, dfArb, conceptArb, (text, df, concepts) => {
        const cloze = makeCloze(text, df, new Set(concepts));
        if (!cloze) return;
        expectGoodCloze(text, cloze.prompt, cloze.answer);
        // The gap stands for whole words, not part of a hyphenated or glued word.
        expect(cloze.answer).toBe(cloze.answer.trim());
      }),
      { numRuns: 1000 },
    );
  });

  it("takeaway and TL;DR cloze cards from generateCards hold the same properties", () => {
    fc.assert(
      fc.property(takeawaysArb, termsArb, (ts, specs) => {
        const items: ContentItem[] = [
          ...termItems(specs),
          ...takeawayItems(ts),
          ...ts.map(([, text], i): ContentItem => ({ kind: "tldr", key: `tldr:${i}`, topic: "takeaways", text, source })),
        ];
        const { cards } = generateCards(items, "seed");
        for (const c of cards.filter((x) => x.format === "cloze")) {
          const item = items.find((i) => i.key === c.noteKey);
          const text = item?.kind === "takeaway" || item?.kind === "tldr" ? item.text : "";
          expectGoodCloze(text, c.prompt, c.answer);
        }
      }),
      { numRuns: 80 },
    );
  });

  it("prefers nothing when every word is a stop word or repeats", () => {
    expect(makeCloze("the and of which that", () => 1, new Set())).toBeNull();
    expect(makeCloze("model, model.", () => 1, new Set())).toBeNull();
    expect(makeCloze("It doesn’t and won’t, it’s theirs.", () => 1, new Set())).toBeNull();
  });
});

describe("masking: definition → term prompts never give the term away", { timeout: 60_000 }, () => {
  const termIn = (name: string, prompt: string) => {
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, "iu").test(prompt);
  };
  const FIXED = /^(Which term is this\? |Which term matches this definition\? |Type the term: )/;

  it("for definitions that name the term (any case), its expansion, or both", () => {
    const caseOf = fc.constantFrom(
      (s: string) => s,
      (s: string) => s.toLowerCase(),
      (s: string) => s.toUpperCase(),
    );
    fc.assert(
      fc.property(termsArb, fc.array(fc.tuple(fc.nat(), fc.nat(), caseOf, fc.boolean()), { maxLength: 6 }), (specs, inserts) => {
        const withNames = specs.map((s) => ({ ...s }));
        for (const [i, at, cased, useExpansion] of inserts) {
          const s = withNames[i % withNames.length]!;
          const name = useExpansion && s.expansion ? s.expansion : s.term;
          const ws = s.definition.split(" ");
          ws.splice(at % (ws.length + 1), 0, cased(name));
          s.definition = ws.join(" ");
        }
        const { cards } = generateCards(termItems(withNames), "seed");
        for (const c of cards.filter((x) => x.kind.startsWith("definition-to-term"))) {
          const spec = withNames[Number(c.noteKey.slice(5))]!;
          expect(c.prompt).toMatch(FIXED);
          const shown = c.prompt.replace(FIXED, "");
          expect(termIn(spec.term, shown), `${spec.term} in ${shown}`).toBe(false);
          if (spec.expansion) expect(termIn(spec.expansion, shown), `${spec.expansion} in ${shown}`).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("masks the real deck's definition → term prompts", () => {
    expect(mask("RLHF (Reinforcement Learning from Human Feedback) is a kind of rlhf.", ["RLHF", "Reinforcement Learning from Human Feedback"])).toBe(
      `${GAP} (${GAP}) is a kind of ${GAP}.`,
    );
    // Only whole words: "AI" inside "RL-AIF" or "said" stays.
    expect(mask("RL-AIF said AI-based", ["AI"])).toBe(`RL-AIF said ${GAP}-based`);
  });

  it("masks simple inflections of the term too (plural, possessive)", () => {
    expect(mask("Jailbreaks trick a model; a jailbreak's goal is harm.", ["Jailbreak"])).toBe(`${GAP} trick a model; a ${GAP} goal is harm.`);
    expect(mask("Hallucinations are false.", ["Hallucination"])).toBe(`${GAP} are false.`);
  });
});
