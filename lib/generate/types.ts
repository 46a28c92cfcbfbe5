import type { Source, Topic } from "../content/items";

/** How a card is answered: flip and self-grade, pick, type, or arrange. */
export type CardFormat = "flip" | "multiple-choice" | "true-false" | "typed" | "cloze" | "order";

export type GeneratedCard = {
  /** Key of the content item (Note) the card comes from. */
  noteKey: string;
  /** Stable per note: a card is identified by (note key, kind), never by text. */
  kind: string;
  format: CardFormat;
  topic: Topic;
  prompt: string;
  /** Canonical answer text; for order cards the items joined with " → ". */
  answer: string;
  /** Multiple choice: all options (answer exactly once), in a fixed shuffled order. */
  options?: string[];
  /** Order cards: the items in their correct order. */
  items?: string[];
  /** Typed and cloze cards: other spellings accepted as correct. */
  alternatives?: string[];
  /** Typed and cloze cards: safe WordNet synonyms of the answer's words (word → synonyms), for lib/grade. */
  synonyms?: Record<string, string[]>;
  explanation?: string;
  /** Kinds this card replaces (merged siblings): sync moves their history onto it. */
  formerKinds?: string[];
  source: Source;
};
