// Small text helpers shared by the talk parser. All pure.
import type { SectionKind, SourceLine } from "./types";

const BULLET_RE = /^\s*[-*•]\s+/;

export function isBullet(text: string): boolean {
  return BULLET_RE.test(text);
}

export function stripBullet(text: string): string {
  return text.replace(BULLET_RE, "");
}

export function isBlank(text: string): boolean {
  return text.trim() === "";
}

/** Collapse every run of whitespace (including line breaks) to one space and trim. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const CLOSERS = new Set(['"', "'", "”", "’", ")", "]"]);
const TERMINATORS = new Set([".", "!", "?", "…"]);

/** Does text[0, end) end a sentence (".", "!", "?", optionally followed by closing quotes/brackets)? */
export function endsSentenceAt(text: string, end: number): boolean {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1] ?? "")) i--;
  while (i > 0 && CLOSERS.has(text[i - 1] ?? "")) i--;
  return i > 0 && TERMINATORS.has(text[i - 1] ?? "");
}

export function endsSentence(text: string): boolean {
  return endsSentenceAt(text, text.length);
}

export function startsLowercase(text: string): boolean {
  return /^\s*\p{Ll}/u.test(text);
}

/** Short quoted excerpt for diagnostic messages. */
export function preview(text: string, max = 60): string {
  const t = collapse(text);
  return JSON.stringify(t.length > max ? `${t.slice(0, max - 1)}…` : t);
}

const HEADINGS = new Map<string, SectionKind>([
  ["tl;dr", "tldr"],
  ["tldr", "tldr"],
  ["tl; dr", "tldr"],
  ["takeaways", "takeaways"],
  ["key takeaways", "takeaways"],
  ["vocabulary", "vocabulary"],
  ["glossary", "vocabulary"],
  ["transcript", "transcript"],
]);

export const SECTION_NAMES: Record<SectionKind, string> = {
  tldr: "TL;DR",
  takeaways: "Takeaways",
  vocabulary: "Vocabulary",
  transcript: "Transcript",
};

/** The section a heading line opens ("TL;DR", "Takeaways", "Vocabulary", "Transcript"; case-insensitive, optional "#"/":"). */
export function headingKind(text: string): SectionKind | null {
  const t = text
    .trim()
    .replace(/^#+\s*/, "")
    .replace(/\s*:$/, "")
    .toLowerCase();
  return HEADINGS.get(t) ?? null;
}

/** A short, capitalised line with no sentence punctuation, e.g. "Notes" or "Key Points:". */
export function looksLikeHeading(text: string): boolean {
  const t = text.trim().replace(/^#+\s*/, "");
  if (t === "" || t.length > 40 || isBullet(t)) return false;
  if (/[.!?,;—–]/.test(t.replace(/:$/, ""))) return false;
  if (!/^\p{Lu}/u.test(t)) return false;
  return t.replace(/:$/, "").split(/\s+/).length <= 4;
}

const CONNECTORS = new Set(
  (
    "a an and as at but by for from in into is of off on or per the to up via vs vs. with " +
    "about above after against among around before behind below between beyond during like " +
    "near over than that through toward towards under until upon versus within without yet are"
  ).split(" "),
);

/**
 * Is `text` a takeaway title — a short capitalised phrase such as "Challenge of User Intent
 * Verification" or "Character vs. Personality"? Used to find items merged onto one line.
 */
export function isTitleLike(text: string): boolean {
  const t = text.trim();
  if (t === "" || t.length > 100 || !/^[\p{Lu}\p{N}]/u.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 12) return false;
  let capitalised = 0;
  for (const word of words) {
    if (/^["'“‘(]?[\p{Lu}\p{N}]/u.test(word)) {
      capitalised++;
    } else if (!(word.length <= 4 || CONNECTORS.has(word.toLowerCase()))) {
      return false;
    }
  }
  return capitalised * 2 >= words.length;
}

/** Looser check for the title at the start of a "- Title: text" bullet. */
export function isBulletTitle(text: string): boolean {
  const t = text.trim();
  return t !== "" && t.length <= 120 && /^[\p{L}\p{N}"'“‘(]/u.test(t) && t.split(/\s+/).length <= 12;
}

/** Lines joined with "\n", with a way back from a character offset to its source line. */
export type Joined = { text: string; lineAt(offset: number): number };

export function joinLines(parts: readonly SourceLine[]): Joined {
  const starts: number[] = [];
  let offset = 0;
  for (const part of parts) {
    starts.push(offset);
    offset += part.text.length + 1;
  }
  const text = parts.map((p) => p.text).join("\n");
  return {
    text,
    lineAt(at: number): number {
      let idx = 0;
      for (let i = 0; i < starts.length; i++) {
        if ((starts[i] ?? 0) <= at) idx = i;
        else break;
      }
      return parts[idx]?.line ?? 1;
    },
  };
}
