// Words of an answer as the grader compares them: folded like normalizeAnswer
// (case, accents, punctuation), split at spaces and hyphens, articles dropped,
// each reduced to its Porter stem (the `stemmer` package) so inflections meet:
// "principles" ≡ "principle", "modeling" ≡ "model". Pure; runs in the browser too.
import { stemmer } from "stemmer";
import { normalizeAnswer } from "./normalize";

/** Dropped before comparing: "the final layer" ≡ "final layer". */
const ARTICLES = new Set(["a", "an", "the"]);

/**
 * Function words that carry no fact of their own, so a gap answered with or
 * without them is the same answer ("layer of control" ≡ "layer control").
 * Negations and quantifiers are deliberately NOT here: "not reliable" is the
 * opposite of "reliable", and "all" / "only" change a claim.
 */
const FILLERS = new Set([
  "of",
  "to",
  "in",
  "on",
  "for",
  "with",
  "by",
  "at",
  "from",
  "and",
  "or",
  "but",
  "as",
  "its",
  "their",
  "his",
  "her",
  "our",
  "your",
  "my",
  "is",
  "are",
  "be",
  "that",
  "which",
]);

/** A typed word that flips the meaning: if one side has it and the other does not, the answer is wrong. */
export const NEGATIONS = new Set(["not", "no", "never", "nor", "cannot", "cant", "dont", "doesnt", "isnt", "arent", "wont", "without", "un"]);

export type Token = { raw: string; norm: string; stem: string };

export function stemWord(norm: string): string {
  return stemmer(norm);
}

/** Words of `text` (articles dropped). Possessive "'s" is dropped: "today's" → "today". */
export function tokens(text: string): Token[] {
  const parts = text
    .normalize("NFKC")
    .replace(/['’]s\b/giu, "")
    .split(/[\s\-‐‑‒–—/]+/u)
    .map((raw) => ({ raw, norm: normalizeAnswer(raw) }))
    .filter((t) => t.norm !== "" && !ARTICLES.has(t.norm));
  return parts.map((t) => ({ ...t, stem: stemWord(t.norm) }));
}

/** The words that carry the answer: fillers dropped, unless nothing else is left. */
export function contentTokens(text: string): Token[] {
  const all = tokens(text);
  const content = all.filter((t) => !FILLERS.has(t.norm));
  return content.length > 0 ? content : all;
}

export const hasNegation = (ts: readonly Token[]) => ts.some((t) => NEGATIONS.has(t.norm));
