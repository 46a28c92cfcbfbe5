// Issue 11: no wrong option of a choice card can be ruled out without knowing the answer — over every
// choice card of every deck (content/ and the fixtures): an option naming what the card asks about
// (its item, or the items an authored question covers), an option the prompt names, one option inside
// another. And no distractor is one the talk cannot rule out (a signal feeding the same mechanism).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listDeckDirs } from "../../../lib/content/load-deck";
import { buildDeck } from "../../../lib/generate/build-deck";
import { eliminationReason, itemNames, mentions } from "../../../lib/generate/eliminate";
import { feedsSame, supports } from "../../../lib/generate/generate";
import { commonStems, itemText } from "../../../lib/generate/leak";

const DECKS = [...listDeckDirs(path.resolve("content")), ...listDeckDirs(path.resolve("tests/fixtures/content"))];

describe("choice cards: no option can be eliminated without knowing the answer", () => {
  it("has decks to test", () => expect(DECKS.length).toBeGreaterThanOrEqual(2));

  for (const dir of DECKS) {
    it(`${path.basename(dir)}: every choice card of the deck`, () => {
      const { content, cards } = buildDeck(dir);
      const items = content.items;
      const byKey = new Map(items.map((i) => [i.key, i]));
      const common = commonStems(items.map(itemText));
      const choices = cards.filter((c) => c.format === "multiple-choice" || (c.format === "typed" && c.options));
      expect(choices.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const c of choices) {
        const own = byKey.get(c.noteKey)!;
        const covered = own.kind === "question" ? (own.covers ?? []).map((k) => byKey.get(k)!) : [];
        const subjectNames = [own, ...covered].flatMap(itemNames);
        for (const o of c.options ?? []) {
          if (o === c.answer) continue;
          const why = eliminationReason(o, { prompt: c.prompt, subjectNames, others: c.options ?? [] }, common);
          if (why) problems.push(`${c.noteKey} ${c.kind}: ${why}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe("eliminationReason catches the class", () => {
  const common = new Set<string>();
  const rlAifDefinition = "A component of Constitutional AI where an AI model, guided by a set of principles, generates feedback on its own outputs.";
  const caiDefinition = 'An Anthropic-developed method that uses a set of principles (a "constitution") to guide an AI, often involving RL-AIF.';

  it("an option naming the prompt's subject (the RL-AIF card offering Constitutional AI's definition)", () => {
    const card = {
      prompt: "Which is the talk's definition of “RL-AIF”?",
      subjectNames: ["RL-AIF", "Reinforcement Learning from AI Feedback"],
      others: [rlAifDefinition],
    };
    expect(eliminationReason(caiDefinition, card, common)).toMatch(/names "RL-AIF"/);
    expect(eliminationReason("A hidden, initial set of instructions provided by the model developer.", card, common)).toBeNull();
  });

  it("an option the prompt names or rules out", () => {
    const card = {
      prompt: "Which term is this? A subsequent stage where a pre-trained model is further trained.",
      subjectNames: ["Fine-tuning"],
      others: ["Fine-tuning"],
    };
    expect(eliminationReason("Pre-training", card, common)).toMatch(/prompt names/);
    expect(eliminationReason("System Prompt", card, common)).toBeNull();
  });

  it("one option inside another, either way", () => {
    const card = {
      prompt: "Which part of the pipeline is this?",
      subjectNames: ["Character training"],
      others: ["Character training", "RL-AIF", "Constitutional AI (RL-AIF)"],
    };
    expect(eliminationReason("Constitutional AI (RL-AIF)", card, common)).toMatch(/contains option "RL-AIF"/);
    expect(eliminationReason("RL-AIF", card, common)).toMatch(/contains option "RL-AIF"/);
    expect(mentions("Trains the model toward principles", "RL-AIF")).toBe(false);
  });

  it("sentences are not names: a prompt sharing a word with a sentence option does not rule it out", () => {
    const card = { prompt: "Does charity make the model refuse more often?", subjectNames: [], others: ["It lowers refusals"] };
    expect(eliminationReason("It makes the model more likely to refuse them", card, common)).toBeNull();
  });
});

describe("distractors the talk cannot rule out are not offered", () => {
  const { content, cards } = buildDeck(path.resolve("content/claude-character"));
  const common = commonStems(content.items.map(itemText));
  const steps = content.items.filter((i) => i.kind === "stage" || i.kind === "method");

  it("the character-training signal card offers neither human nor AI preference feedback (its data could come from either)", () => {
    const card = cards.find((c) => c.noteKey === "method:character-training" && c.kind === "method-signal")!;
    const signal = (k: string) => (steps.find((s) => s.key === k) as { signal: string }).signal;
    expect(card.options).not.toContain(signal("method:rlhf"));
    expect(card.options).not.toContain(signal("method:constitutional-ai"));
    expect(card.options!.length).toBeGreaterThanOrEqual(3);
  });

  it("no signal or purpose card of any pipeline item offers one linked to it or supported by its passage", () => {
    for (const c of cards.filter((x) => x.kind === "method-signal")) {
      const s = steps.find((x) => x.key === c.noteKey)!;
      for (const o of steps) {
        if (o.key === s.key || !c.options?.includes(o.signal)) continue;
        expect(feedsSame(s, o, common), `${s.key} offers ${o.key}'s signal`).toBe(false);
        expect(supports(s.source.quote, o.signal, common), `${s.key}'s passage supports ${o.key}'s signal`).toBe(false);
      }
    }
  });
});
