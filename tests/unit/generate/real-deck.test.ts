// Cards generated from the real deck (content/claude-character): exact counts by
// kind, a few exact cards, traceability and determinism.
import { TALK_DECK } from "../../helpers/expected-cards";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildDeck } from "../../../lib/generate/build-deck";
import { generateCards } from "../../../lib/generate/generate";
import { collapse } from "../../../lib/content/text";
import { normalizeAnswer } from "../../../lib/grade";
import type { GeneratedCard } from "../../../lib/generate/types";

const DECK_DIR = path.resolve("content/claude-character");
const built = buildDeck(DECK_DIR);
const { cards } = built;
const card = (noteKey: string, kind: string): GeneratedCard => {
  const c = cards.find((x) => x.noteKey === noteKey && x.kind === kind);
  if (!c) throw new Error(`no ${kind} card for ${noteKey}`);
  return c;
};
const countByKind = (cs: readonly GeneratedCard[]) => {
  const out: Record<string, number> = {};
  for (const c of cs) out[c.kind] = (out[c.kind] ?? 0) + 1;
  return out;
};

describe("the claude-character deck", () => {
  it("builds with no errors; warns only where a card was left out or the transcript is silent", () => {
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(built.diagnostics.map((d) => d.message)).toEqual([
      "the transcript never discusses term:hallucination; its cards show the summary line as their source",
      "the definition of RLHF names it 3 times; no definition-to-term card",
      ...[
        "AI Character is Alignment",
        "Fine-tuning is Key for Character",
        "System Prompts Provide Final Control",
        "Charitable Interpretation",
        "Challenge of User Intent Verification",
      ].map((t) => expect.stringMatching(new RegExp(`^hiding the words of “${t}” leaves \\d gaps in its claim; no claim-choice card$`))),
    ]);
    expect(built.content.meta).toEqual({
      key: "claude-character",
      title: "Claude's character: how an assistant's character is trained",
      source: "talk.txt",
    });
  });

  it("has exact card counts by kind", () => {
    // See TALK_DECK for how the counts follow from the content.
    expect(countByKind(cards)).toEqual(TALK_DECK.cards);
    expect(cards).toHaveLength(124);
  });

  it("derives those counts from the content itself", () => {
    const items = built.content.items;
    const n = (k: string) => items.filter((i) => i.kind === k).length;
    const withExpansion = items.filter((i) => i.kind === "term" && i.expansion !== null).length;
    expect([n("term"), withExpansion, n("takeaway"), n("tldr"), n("stage"), n("method"), n("pipeline"), n("question")]).toEqual([10, 2, 8, 3, 3, 3, 1, 68]);
    const leftOut = 1 + 5; // RLHF's definition → term, five claim choices (see the warnings)
    expect(cards).toHaveLength(
      n("term") * 2 +
        withExpansion * 2 +
        n("takeaway") * 2 +
        n("tldr") +
        (n("stage") + n("method")) * 2 +
        n("method") * 2 +
        n("pipeline") +
        n("question") -
        leftOut,
    );
  });

  it("has one card per (note, kind): the sync key", () => {
    const keys = cards.map((c) => `${c.noteKey}|${c.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("gets the acronym cards right", () => {
    expect(card("term:rl-aif", "acronym-to-expansion")).toMatchObject({
      format: "flip",
      prompt: "What does RL-AIF stand for?",
      answer: "Reinforcement Learning from AI Feedback",
    });
    expect(card("term:rl-aif", "expansion-to-acronym")).toMatchObject({
      prompt: "What is the acronym for Reinforcement Learning from AI Feedback?",
      answer: "RL-AIF",
    });
    expect(card("term:rlhf", "acronym-to-expansion").answer).toBe("Reinforcement Learning from Human Feedback");
    expect(cards.filter((c) => c.kind === "acronym-to-expansion").map((c) => c.noteKey)).toEqual(["term:rlhf", "term:rl-aif"]);
  });

  it("unglues the Constitutional AI definition from the next term", () => {
    // A definition of several clauses is recognised among definitions, not recalled.
    const c = card("term:constitutional-ai", "term-to-definition");
    expect(c.prompt).toBe("Which is the talk's definition of “Constitutional AI”?");
    expect(c.format).toBe("multiple-choice");
    expect(c.answer).toBe(
      'An Anthropic-developed method that uses a set of principles (a "constitution") to guide an AI in evaluating its own responses and providing feedback for further training, often involving RL-AIF.',
    );
    expect(c.answer.endsWith("often involving RL-AIF.")).toBe(true);
  });

  it("definition → term is one card: typed in review, its options for a quiz", () => {
    expect(card("term:hallucination", "definition-to-term")).toMatchObject({
      format: "typed",
      prompt: "Which term is this? When an AI model generates information that is factually incorrect, nonsensical, or not supported by its training data.",
      answer: "Hallucination",
      formerKinds: ["definition-to-term-typed", "definition-to-term-choice"],
    });
    const c = card("term:constitutional-ai", "definition-to-term");
    expect(c.options).toHaveLength(4);
    expect(c.options).toContain("Constitutional AI");
    // "constitution" would give "Constitutional AI" away: hidden.
    expect(c.prompt).toContain('(a "_____")');
    expect(card("term:alignment", "definition-to-term").prompt).toContain("AI models are _____ with human values");
    expect(card("term:rl-aif", "definition-to-term")).toMatchObject({ answer: "RL-AIF", alternatives: ["Reinforcement Learning from AI Feedback"] });
    expect(card("term:jailbreak", "definition-to-term").alternatives).toEqual([]);
  });

  it("the pipeline cards", () => {
    expect(card("pipeline:stages", "stages-order")).toMatchObject({
      format: "order",
      items: ["Pre-training", "Fine-tuning", "System prompt"],
      answer: "Pre-training → Fine-tuning → System prompt",
    });
    const signal = card("method:constitutional-ai", "method-signal");
    expect(signal.answer).toBe("The AI model itself judges which of two responses is more in line with principles written by humans.");
    expect(signal.options).toContain("Humans select which response from the model they prefer.");
    expect(card("method:rlhf", "steps-order").items).toEqual([
      "Humans select which model response they prefer",
      "Preference models are trained on those choices",
      "The model is trained with reinforcement learning (RL) against the preference models",
    ]);
    // A method is never offered as a distractor for its own stage, nor the reverse.
    expect(card("stage:fine-tuning", "purpose-to-stage").options).toEqual(
      expect.not.arrayContaining(["RLHF (reinforcement learning from human feedback)", "Constitutional AI (RL-AIF)", "Character training"]),
    );
    expect(card("method:rlhf", "purpose-to-stage").options).not.toContain("Fine-tuning");
  });

  it("authored questions come through as written", () => {
    const q = card("question:system-prompt-date-example", "question");
    expect(q).toMatchObject({ format: "multiple-choice", topic: "pipeline", answer: "What day it is today" });
    expect([...(q.options ?? [])].sort()).toEqual(
      [
        "What day it is today",
        "Which principles are in its constitution",
        "How to interpret queries charitably",
        "Which personality traits it was trained on",
      ].sort(),
    );
    expect(card("question:system-prompt-formatting-control", "question")).toMatchObject({ format: "true-false", answer: "True", options: ["True", "False"] });
    expect(card("question:why-system-prompt-after-fine-tuning", "question")).toMatchObject({
      format: "flip",
      answer: "Information the model cannot know by default, such as today's date",
    });
  });

  it("every card carries its note key and a source quote with file and line", () => {
    const talk = readFileSync(path.join(DECK_DIR, "talk.txt"), "utf8").split("\n");
    const transcript = collapse(built.content.talk?.transcript ?? "");
    const keys = new Set(built.content.items.map((i) => i.key));
    for (const c of cards) {
      expect(keys.has(c.noteKey), c.noteKey).toBe(true);
      expect(c.source.quote.trim(), `${c.noteKey} ${c.kind}`).not.toBe("");
      expect(c.source.file).toMatch(/content\/claude-character\/(talk\.txt|pipeline\.yaml|questions\.yaml)$/);
      expect(Number.isInteger(c.source.line) && c.source.line >= 1).toBe(true);
      if (c.source.file.endsWith(".yaml")) {
        // Authored quotes are verbatim transcript text.
        expect(transcript.includes(c.source.quote), c.source.quote).toBe(true);
      } else {
        // Talk items point at the line they start on.
        const line = talk[c.source.line - 1] ?? "";
        const item = built.content.items.find((i) => i.key === c.noteKey);
        const head = item?.kind === "term" ? item.term : item?.kind === "takeaway" ? item.title : item?.kind === "tldr" ? item.text.slice(0, 40) : "?";
        expect(line.includes(head), `${c.noteKey} at line ${c.source.line}`).toBe(true);
      }
    }
  });

  it("multiple-choice cards have 3–4 distinct options with the answer exactly once", () => {
    for (const c of cards.filter((x) => x.format === "multiple-choice")) {
      const norm = (c.options ?? []).map(normalizeAnswer);
      expect(norm.length).toBeGreaterThanOrEqual(3);
      expect(new Set(norm).size, `${c.noteKey} ${c.kind}`).toBe(norm.length);
      expect(norm.filter((o) => o === normalizeAnswer(c.answer))).toHaveLength(1);
    }
  });

  it("is deterministic: same items and seed give deep-equal cards", () => {
    expect(buildDeck(DECK_DIR).cards).toEqual(cards);
    const items = built.content.items;
    expect(generateCards(items, "seed-a")).toEqual(generateCards(items, "seed-a"));
  });

  it("a different seed may reorder options, never changes prompts or answers", () => {
    const items = built.content.items;
    const a = generateCards(items, "seed-a").cards;
    const b = generateCards(items, "seed-b").cards;
    expect(b).toHaveLength(a.length);
    let reordered = 0;
    a.forEach((x, i) => {
      const y = b[i]!;
      expect({ ...y, options: undefined }).toEqual({ ...x, options: undefined });
      if (x.options) {
        expect([...(y.options ?? [])].sort()).toEqual([...x.options].sort());
        if (JSON.stringify(x.options) !== JSON.stringify(y.options)) reordered++;
      }
    });
    expect(reordered).toBeGreaterThan(0);
  });
});

describe("takeaway claim cards", () => {
  it("ask which takeaway makes a claim, with the title's words hidden — only where that leaves one gap", () => {
    const { cards } = buildDeck("content/claude-character");
    const claims = cards.filter((x) => x.kind === "takeaway-claim-choice");
    expect(claims.map((c) => c.noteKey).sort()).toEqual([
      "takeaway:character-vs-personality",
      "takeaway:constitutional-ai-for-value-alignment",
      "takeaway:prioritize-confidence-over-completeness",
    ]);
    for (const c of claims) {
      expect(c.prompt.match(/_{3,}/g)?.length ?? 0, c.prompt).toBeLessThanOrEqual(1);
      expect(c.options).toHaveLength(4);
      expect(c.options!.filter((o) => o === c.answer)).toHaveLength(1);
    }
  });
});

describe("distractors by role, not only word overlap", () => {
  it("a model behaviour is confused with other behaviours, a pipeline part with other parts", () => {
    const { cards } = buildDeck("content/claude-character");
    const options = (note: string) => cards.find((c) => c.noteKey === note && c.kind === "definition-to-term")!.options!;
    expect(options("term:hallucination").sort()).toEqual(["Alignment", "Hallucination", "Jailbreak", "Sycophancy"]);
    expect(options("term:rl-aif")).not.toContain("Jailbreak");
    expect(options("term:rl-aif")).not.toContain("Hallucination");
    expect(options("term:alignment")).not.toContain("RL-AIF");
  });
});
