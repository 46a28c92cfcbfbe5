// The deck's content, normalised into items. Each item becomes one Note in the
// database; its `key` is stable across wording edits.
import type { Diagnostic, ParsedTalk } from "./types";
import type { AuthoredQuestion, DeckMeta, Pipeline } from "./authored-schema";

export type Topic = "vocabulary" | "takeaways" | "pipeline";

/**
 * Where a card's answer comes from. `quote` is verbatim transcript text
 * (`evidence: "transcript"`), or — when the transcript never discusses the item
 * — its glossary or summary line as written (`evidence: "summary"`).
 */
export type Source = {
  file: string;
  line: number;
  quote: string;
  evidence?: "transcript" | "summary" /** The deck's key, so the card can link to its transcript. */;
  deck?: string;
};

/** The phrase a cloze hides, chosen by the author in clozes.yaml (file:line for errors). */
export type AuthoredCloze = { phrase: string; accept: string[]; file: string; line: number };

export type ContentItem =
  | { kind: "term"; key: string; topic: "vocabulary"; term: string; expansion: string | null; definition: string; source: Source }
  | { kind: "takeaway"; key: string; topic: "takeaways"; title: string; text: string; cloze?: AuthoredCloze; source: Source }
  | { kind: "tldr"; key: string; topic: "takeaways"; text: string; cloze?: AuthoredCloze; source: Source }
  | { kind: "stage"; key: string; topic: "pipeline"; name: string; order: number; what: string; signal: string; purpose: string; source: Source }
  | {
      kind: "method";
      key: string;
      topic: "pipeline";
      name: string;
      stage: string;
      what: string;
      signal: string;
      purpose: string;
      steps: string[];
      source: Source;
    }
  | { kind: "pipeline"; key: string; topic: "pipeline"; stages: string[]; source: Source }
  | QuestionItem;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type QuestionItem = { kind: "question"; source: Source } & DistributiveOmit<AuthoredQuestion, "quote">;

export type DeckContent = {
  dir: string;
  meta: DeckMeta;
  talk: ParsedTalk | null;
  pipeline: Pipeline | null;
  items: ContentItem[];
  diagnostics: Diagnostic[];
};

export type ItemOf<K extends ContentItem["kind"]> = Extract<ContentItem, { kind: K }>;
