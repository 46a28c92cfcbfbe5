// The card counts by kind that the two decks must generate, worked out by hand
// from their content (so a generator change that adds or drops cards fails).

/** content/claude-character: 10 terms × 2 (term → definition; definition → term,
 * typed in review and chosen in a quiz — except RLHF, whose definition names it 3
 * times), +2 × 2 for the acronyms RLHF and RL-AIF, 8 takeaway clozes and 3 claim
 * choices (5 claims would keep several gaps), 3 TL;DR clozes, 3 stages + 3 methods
 * × 2, a signal and a steps card per method, 1 stage order, 68 authored questions = 124. */
export const TALK_DECK = {
  key: "claude-character",
  title: "Claude's character: how an assistant's character is trained",
  cards: {
    "term-to-definition": 10,
    "definition-to-term": 9,
    "acronym-to-expansion": 2,
    "expansion-to-acronym": 2,
    "takeaway-cloze": 8,
    "takeaway-claim-choice": 3,
    "tldr-cloze": 3,
    "stage-to-purpose": 6,
    "purpose-to-stage": 6,
    "method-signal": 3,
    "steps-order": 3,
    "stages-order": 1,
    question: 68,
  } as Record<string, number>,
};

/** tests/fixtures/content/photosynthesis: 6 terms × 2 (+2 × 2 for ATP and
 * NADPH), 5 takeaway clozes and 3 claim choices, 3 TL;DR clozes; no pipeline, no questions = 27. */
export const PHOTOSYNTHESIS_DECK = {
  key: "photosynthesis",
  title: "Photosynthesis: how plants eat sunlight",
  cards: {
    "term-to-definition": 6,
    "definition-to-term": 6,
    "acronym-to-expansion": 2,
    "expansion-to-acronym": 2,
    "takeaway-cloze": 5,
    "takeaway-claim-choice": 3,
    "tldr-cloze": 3,
  } as Record<string, number>,
};
