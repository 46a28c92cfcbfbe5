// Vocabulary: a run of "Term— definition" / "Term(Expansion) — definition" entries, usually all
// on one line with no space between a definition's final "." and the next term
// ("…more capable.Pre-training— The initial stage…").
import type { Report } from "./bullets";
import { reportUnknownHeading } from "./bullets";
import { slugify } from "./slug";
import { collapse, endsSentence, isBlank, joinLines, looksLikeHeading, preview } from "./text";
import type { SourceLine, TermItem } from "./types";

const DASHES = new Set(["—", "–"]);
const SENTENCE_END = new Set([".", "!", "?", "\n"]);
const MAX_TERM_WORDS = 6;
const MAX_TERM_CHARS = 60;

type Boundary = { nameStart: number; dashEnd: number; term: string; expansion: string | null };

/** A plausible term name: short, starts with a letter or digit, no clause punctuation. */
function isTermName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_TERM_CHARS &&
    /^[\p{L}\p{N}]/u.test(name) &&
    !/[,;:()[\]{}"“”\n—–]/.test(name) &&
    name.split(/\s+/).length <= MAX_TERM_WORDS
  );
}

const isSpace = (c: string | undefined) => c === " " || c === "\t";

/**
 * The term whose separator dash is at `dash`, looking back no further than `floor` (the end of
 * the previous separator). The name runs back to the previous sentence end (or line/text
 * start); if that does not give a name, the previous definition's last word may be glued to
 * it ("…often involvingRL-AIF(…) —"), so try splitting at a lower→upper-case boundary.
 */
function termBefore(text: string, dash: number, floor: number): Boundary | null {
  let j = dash;
  while (j > floor && isSpace(text[j - 1])) j--;
  const spacedDash = j < dash;
  let expansion: string | null = null;
  if (text[j - 1] === ")") {
    let depth = 0;
    let k = j - 1;
    for (; k >= floor; k--) {
      const c = text[k];
      if (c === "\n") return null;
      if (c === ")") depth++;
      else if (c === "(" && --depth === 0) break;
    }
    if (k < floor) return null;
    expansion = collapse(text.slice(k + 1, j - 1)) || null;
    j = k;
    while (j > floor && isSpace(text[j - 1])) j--;
  }
  let k = j;
  while (k > floor && !SENTENCE_END.has(text[k - 1] ?? "") && !DASHES.has(text[k - 1] ?? "")) k--;
  const raw = text.slice(k, j);
  const lead = /^[\s"'“”‘’)\]]*/.exec(raw)?.[0].length ?? 0;
  const name = raw.slice(lead).trimEnd();
  const atLineStart = k === 0 || text[k - 1] === "\n";
  const afterSentence = atLineStart || SENTENCE_END.has(text[k - 1] ?? "");
  const dashEnd = dash + 1;
  // "Term — definition" (spaced dash, no expansion) is only a separator at the start of a line;
  // inside a run-on line a spaced dash is ordinary punctuation.
  if (spacedDash && expansion === null && !atLineStart) return null;
  if (afterSentence && isTermName(name)) return { nameStart: k + lead, dashEnd, term: name, expansion };
  if (k > floor && DASHES.has(text[k - 1] ?? "")) return null;
  for (let m = lead + 1; m < raw.length; m++) {
    if (/\p{Ll}/u.test(raw[m - 1] ?? "") && /\p{Lu}/u.test(raw[m] ?? "")) {
      const glued = raw.slice(m).trimEnd();
      if (isTermName(glued)) return { nameStart: k + m, dashEnd, term: glued, expansion };
    }
  }
  return null;
}

function findBoundaries(text: string): Boundary[] {
  const found: Boundary[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!DASHES.has(text[i] ?? "")) continue;
    const b = termBefore(text, i, found.at(-1)?.dashEnd ?? 0);
    if (b) found.push(b);
  }
  return found;
}

/** Does this line begin with "Term— " / "Term(Expansion) — "? */
export function startsWithTerm(text: string): boolean {
  const first = findBoundaries(text)[0];
  return first !== undefined && text.slice(0, first.nameStart).trim() === "";
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * "…often involvingRL-AIF." → "…often involving RL-AIF.": when a definition's last word is a
 * lower-case word glued to a known term name, put the missing space back.
 */
function unglueLastWord(definition: string, terms: readonly string[]): string {
  const last = /\S+$/.exec(definition);
  if (!last) return definition;
  for (const term of terms) {
    if (!/^\p{Lu}/u.test(term)) continue;
    const m = new RegExp(`^(.*\\p{Ll})(${escapeRegExp(term)})([.!?…]?["'”’)\\]]*)$`, "u").exec(last[0]);
    if (m) return `${definition.slice(0, last.index)}${m[1]} ${m[2]}${m[3]}`;
  }
  return definition;
}

export function parseVocabulary(lines: readonly SourceLine[], report: Report): TermItem[] {
  // An unknown heading (a short capitalised line after a finished definition) ends the section.
  const content: SourceLine[] = [];
  const nonBlank = lines.filter((l) => !isBlank(l.text));
  for (let i = 0; i < nonBlank.length; i++) {
    const l = nonBlank[i]!;
    const prev = content.at(-1);
    if (looksLikeHeading(l.text) && (!prev || endsSentence(prev.text)) && !startsWithTerm(l.text)) {
      reportUnknownHeading(l, nonBlank.slice(i + 1), "Vocabulary", report);
      break;
    }
    content.push(l);
  }

  const joined = joinLines(content);
  const text = joined.text;
  const boundaries = findBoundaries(text);

  const orphan = (start: number, end: number) => {
    // Report each line's worth of text that belongs to no term.
    let offset = start;
    for (const piece of text.slice(start, end).split("\n")) {
      if (piece.trim() !== "") {
        report(
          joined.lineAt(offset + (piece.length - piece.trimStart().length)),
          "error",
          `Vocabulary: text without a "Term— definition" dash cannot be placed: ${preview(piece)}`,
        );
      }
      offset += piece.length + 1;
    }
  };

  orphan(0, boundaries[0]?.nameStart ?? text.length);

  type Raw = { b: Boundary; definition: string; raw: string };
  const raws: Raw[] = [];
  boundaries.forEach((b, i) => {
    const end = boundaries[i + 1]?.nameStart ?? text.length;
    // A definition may continue on the next line when it stopped mid-sentence; a new line that
    // follows a finished definition and starts no term is orphaned text.
    let definition = "";
    let offset = b.dashEnd;
    const pieces = text.slice(b.dashEnd, end).split("\n");
    for (let p = 0; p < pieces.length; p++) {
      const piece = pieces[p] ?? "";
      if (p > 0 && piece.trim() !== "" && endsSentence(definition)) {
        orphan(offset, end);
        break;
      }
      definition += (p > 0 ? " " : "") + piece;
      offset += piece.length + 1;
    }
    // The entry as written (for evidence when the transcript never discusses it): no spaces added or removed.
    raws.push({ b, definition: collapse(definition), raw: text.slice(b.nameStart, b.dashEnd + definition.length).trim() });
  });

  const names = [...new Set(raws.map((r) => r.b.term))].sort((a, b) => b.length - a.length);
  const items: TermItem[] = [];
  const seen = new Map<string, number>();
  for (const { b, definition, raw } of raws) {
    const line = joined.lineAt(b.nameStart);
    const def = unglueLastWord(definition, names);
    if (!/[\p{L}\p{N}]/u.test(def)) {
      report(line, "error", `Vocabulary: term ${preview(b.term)} has an empty definition`);
      continue;
    }
    const key = `term:${slugify(b.term) || items.length + 1}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report(line, "error", `Vocabulary: duplicate term ${preview(b.term)} (first at line ${first}); ignored`);
      continue;
    }
    seen.set(key, line);
    items.push({ kind: "term", key, term: b.term, expansion: b.expansion, definition: def, raw, line });
  }
  return items;
}
