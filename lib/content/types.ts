// Types for the talk-document format (see parse-talk.ts for the format itself).

export type Severity = "error" | "warning";

/** A problem found in a source file. `line` is 1-based and always >= 1. */
export type Diagnostic = { file: string; line: number; severity: Severity; message: string };

export type TalkItem =
  | { kind: "tldr"; key: string; text: string; line: number }
  | { kind: "takeaway"; key: string; title: string; text: string; line: number }
  | {
      kind: "term";
      key: string;
      term: string;
      expansion: string | null;
      definition: string;
      line: number /** The entry as written in the file. */;
      raw?: string;
    };

export type TldrItem = Extract<TalkItem, { kind: "tldr" }>;
export type TakeawayItem = Extract<TalkItem, { kind: "takeaway" }>;
export type TermItem = Extract<TalkItem, { kind: "term" }>;

export type ParsedTalk = {
  /** The title/subtitle line of the unheaded copy (e.g. "What should an AI's personality be?"), or null. */
  title: string | null;
  /** TL;DR points, then takeaways, then terms, each in document order. */
  items: TalkItem[];
  /** Verbatim transcript (lines joined with "\n", outer whitespace trimmed); "" when missing. */
  transcript: string;
  /** 1-based line where the transcript starts; 0 when there is no transcript. */
  transcriptLine: number;
  diagnostics: Diagnostic[];
};

export type SectionKind = "tldr" | "takeaways" | "vocabulary" | "transcript";

/** One physical line of the source file. */
export type SourceLine = { line: number; text: string };
