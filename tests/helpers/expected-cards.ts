// The card counts by kind that the two decks must generate, worked out by hand
// from their content (so a generator change that adds or drops cards fails).

/** content/claude-character: 10 terms × 4 (+2 × 2 for the acronyms RLHF and
 * RL-AIF), 8 takeaways × 2, 3 TL;DR clozes, 3 stages + 3 methods × 2, a signal
 * and a steps card per method, 1 stage order, 46 authored questions = 128. */
export const TALK_DECK = {
  key: "claude-character",
  title: "Claude's character: how an assistant's character is trained",
  cards: {
    "term-to-definition": 10,
    "definition-to-term": 10,
    "definition-to-term-choice": 10,
    "definition-to-term-typed": 10,
    "acronym-to-expansion": 2,
    "expansion-to-acronym": 2,
    "takeaway-cloze": 8,
    "takeaway-claim-choice": 8,
    "tldr-cloze": 3,
    "stage-to-purpose": 6,
    "purpose-to-stage": 6,
    "method-signal": 3,
    "steps-order": 3,
    "stages-order": 1,
    question: 46,
  } as Record<string, number>,
};

/** tests/fixtures/content/photosynthesis: 6 terms × 4 (+2 × 2 for ATP and
 * NADPH), 5 takeaways × 2, 3 TL;DR clozes; no pipeline, no questions = 41. */
export const PHOTOSYNTHESIS_DECK = {
  key: "photosynthesis",
  title: "Photosynthesis: how plants eat sunlight",
  cards: {
    "term-to-definition": 6,
    "definition-to-term": 6,
    "definition-to-term-choice": 6,
    "definition-to-term-typed": 6,
    "acronym-to-expansion": 2,
    "expansion-to-acronym": 2,
    "takeaway-cloze": 5,
    "takeaway-claim-choice": 5,
    "tldr-cloze": 3,
  } as Record<string, number>,
};
