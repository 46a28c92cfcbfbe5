// Issue 11: fair grading, one table for review (typed/cloze cards) and quiz (cloze questions).
// Every example of the issue is a row; the accepted alternatives and synonyms are the
// ones the claude-character deck really carries (clozes.yaml and WordNet at generation).
import { describe, expect, it } from "vitest";
import path from "node:path";
import { gradeTyped, suggestRating, type Synonyms, type Verdict } from "../../../lib/grade";
import { gradeQuizAnswer } from "../../../lib/quiz";
import { buildDeck } from "../../../lib/generate/build-deck";

const deck = buildDeck(path.join(process.cwd(), "content/claude-character"));
const clozeOf = (answer: string) => {
  const c = deck.cards.find((x) => x.format === "cloze" && x.answer === answer);
  if (!c) throw new Error(`no cloze card with answer ${answer}`);
  return c;
};

type Row = [typed: string, expected: string, verdict: Verdict, alternatives?: string[], synonyms?: Synonyms];
const deckRow = (typed: string, answer: string, verdict: Verdict): Row => {
  const c = clozeOf(answer);
  return [typed, answer, verdict, c.alternatives ?? [], c.synonyms ?? {}];
};

const rows: Row[] = [
  // --- the examples (with the deck's authored alternatives and synonyms) ---
  deckRow("fine-tuning stage", "fine-tuning phase", "correct"),
  deckRow("fine-tuning phase", "fine-tuning stage", "correct"),
  deckRow("principles", "human-defined principles", "correct"),
  deckRow("human-written principles", "human-defined principles", "correct"),
  deckRow("today's date", "current date", "correct"),
  deckRow("shorter but more reliable answers", "shorter, reliable answers", "correct"),
  deckRow("intentions", "true intentions", "correct"),
  deckRow("final layer", "final layer of control", "correct"),
  // --- the same answers with no authored alternatives: Close, the learner decides ---
  ["intentions", "true intentions", "close"],
  ["final layer", "final layer of control", "close"],
  ["human-written principles", "human-defined principles", "close"],
  ["principles", "human-defined principles", "wrong"], // one word of three: needs the authored alternative
  // synonyms from WordNet alone (no authored list): stage ≡ phase
  ["fine-tuning stage", "fine-tuning phase", "correct", [], { phase: ["stage"] }],
  ["fine tuning stage", "fine-tuning phase", "correct", [], { phase: ["stage"] }],
  ["dependable answers", "reliable answers", "correct", [], { reliable: ["dependable"] }],
  // a synonym list is for its own word only
  ["stage", "phase", "wrong"],
  // "alignmnet": one slip in a 9-letter word is counted right (decision 0015) …
  ["alignmnet", "alignment", "correct"],
  ["alignmnet", "Alignment", "correct"],
  // … two slips in a long word is Close, three is wrong
  ["alignmetn", "alignment", "correct"],
  ["alingmnet", "alignment", "close"],
  ["algnmnet", "alignment", "close"],
  ["aligmnemt", "alignment", "close"],
  ["allignmant", "alignment", "close"],
  ["agnlinmtne", "alignment", "wrong"],
  // --- case, punctuation, hyphens, spaces, articles ---
  ["RLAIF", "RL-AIF", "correct"],
  ["rl aif", "RL-AIF", "correct"],
  ["R.L.H.F.", "RLHF", "correct"],
  ["Sycophancy!", "sycophancy", "correct"],
  ["the current date", "current date", "correct"],
  ["a final layer of control", "final layer of control", "correct"],
  ["Final Layer of Control", "final layer of control", "correct"],
  ["finetuning phase", "fine-tuning phase", "correct"],
  ["virtue ethical", "virtue-ethical", "correct"],
  ["final layer control", "final layer of control", "correct"],
  // --- inflections (Porter stemmer) ---
  ["charitable", "charitably", "correct"],
  ["human-defined principle", "human-defined principles", "correct"],
  ["true intention", "true intentions", "correct"],
  ["reward modeling", "reward model", "correct"],
  ["aligned", "alignment", "correct"],
  ["preferences", "preference", "correct"],
  // --- typos scale with word length ---
  ["Sycophnacy", "Sycophancy", "correct"],
  ["Hallucinaton", "Hallucination", "correct"],
  ["Halucinaton", "Hallucination", "close"],
  ["jailbrek", "Jailbreak", "correct"],
  ["promtp", "prompt", "correct"],
  ["RHLF", "RLHF", "close"], // 4 letters: never counted right automatically
  ["DPO", "PPO", "close"],
  ["KD", "KL", "wrong"], // 2 letters: no tolerance
  ["dat", "date", "close"], // 4 letters: a slip is only ever Close
  ["data", "date", "close"],
  ["RLIAF", "RL-AIF", "close"], // compound typed differently: Close
  // --- partial and over-long answers are Close ---
  ["constitutional AI method", "Constitutional AI", "close"],
  ["layer of control", "final layer of control", "close"],
  ["human principles", "human-defined principles", "close"],
  ["reward", "reward modeling", "close"],
  ["true intentions and authority", "true intentions", "close"],
  // --- negation flips the meaning: wrong, never Close ---
  ["not reliable answers", "reliable answers", "wrong"],
  ["unreliable answers", "reliable answers", "close"],
  ["without principles", "human-defined principles", "wrong"],
  // --- rejects ---
  ["", "RLHF", "wrong"],
  ["   ", "Sycophancy", "wrong"],
  ["?!", "RLHF", "wrong"],
  ["banana", "RLHF", "wrong"],
  ["pre-training phase", "fine-tuning phase", "wrong"],
  ["RLHF stage", "fine-tuning stage", "wrong"],
  ["flattery", "Sycophancy", "wrong"],
  ["system prompt", "fine-tuning phase", "wrong"],
  ["longer answers", "shorter, reliable answers", "wrong"],
  ["previous date", "current date", "close"],
  ["jailbreak", "hallucination", "wrong"],
  ["stage", "fine-tuning stage", "wrong"],
];

describe("gradeTyped — fair grading table (issue 11)", () => {
  it("has at least 60 cases", () => expect(rows.length).toBeGreaterThanOrEqual(60));
  it.each(rows)("%j for %j → %s", (typed, expected, verdict, alternatives = [], synonyms = {}) => {
    expect(gradeTyped(typed, expected, alternatives, synonyms).verdict).toBe(verdict);
  });
});

describe("one grader for review and quiz", () => {
  it.each(rows)("quiz cloze %j for %j grades as review does", (typed, expected, verdict, alternatives = [], synonyms = {}) => {
    const key = {
      id: "q",
      cardId: 1,
      topic: "takeaways" as const,
      explanation: "",
      source: { file: "", line: null, quote: "" },
      type: "cloze" as const,
      answer: expected,
      alternatives,
      synonyms: { ...synonyms } as Record<string, string[]>,
    };
    const g = gradeQuizAnswer(key, typed);
    expect(g.verdict).toBe(verdict);
    expect(g.correct).toBe(verdict === "correct");
  });
});

describe("suggested rating", () => {
  it("Close suggests nothing: the learner decides (I was right / Again)", () => {
    expect(suggestRating("correct")).toBe(3);
    expect(suggestRating("close")).toBeNull();
    expect(suggestRating("wrong")).toBe(1);
  });
  it("a forgiven answer says why", () => {
    expect(gradeTyped("alignmnet", "alignment").reason).toBe("typo");
    expect(gradeTyped("principle", "principles").reason).toBe("inflection");
    expect(gradeTyped("stage", "phase", [], { phase: ["stage"] }).reason).toBe("synonym");
  });
});
