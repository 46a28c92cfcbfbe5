import { normalizeAnswer } from "../grade";
import { similarity } from "./text-similarity";
import { isName } from "./eliminate";
import { lexicalSimilarity, type RelatedWords } from "./lexical-similarity";

/**
 * `group`: the item's role ("pipeline:stage", "pipeline:method", "other"); distractors of the same role rank
 * first, then those of the same family (before the colon). `topic`: the item's topic, same-topic ones next.
 */
export type Candidate = { key: string; text: string; meaning: string; group?: string; topic?: string };

export type PickOptions = {
  /**
   * Candidates that may not be offered: ones the talk cannot rule out as answers too (a method for its own
   * stage, a signal that feeds the answer's), or that the card itself would rule out (eliminate.ts).
   */
  exclude?: (c: Candidate) => boolean;
  /** A lexical database (WordNet): meanings close in it count as close. */
  lexicon?: RelatedWords | null;
};

/** Weights of the ranking: meaning (shared words), meaning through WordNet, role, topic. */
const W = { words: 1, lexicon: 0.5, role: 0.3, topic: 0.1 };

/** Same role: the full bonus; the same family of roles ("pipeline:stage" and "pipeline:method"): half. */
function roleBonus(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return 0;
  if (a === b) return W.role;
  const family = (g: string) => g.split(":")[0];
  return a.includes(":") && family(a) === family(b) ? W.role / 2 : 0;
}

/**
 * Picks up to `n` distractors for an answer: candidates of the same kind,
 * ranked by closeness in meaning (shared words, and WordNet's related words),
 * same role and topic first (ties by key, so deterministic); never equal to
 * the answer, never two that read the same, never an excluded one. Shape: when
 * every pick is shorter than the answer — so "pick the longest" would find it —
 * the last pick is swapped for the best-ranked candidate at least as long (of the same role, for names).
 */
export function pickDistractors(answer: Candidate, candidates: readonly Candidate[], n: number, opts: PickOptions = {}): string[] {
  const seen = new Set([normalizeAnswer(answer.text)]);
  const score = (c: Candidate) =>
    W.words * similarity(answer.meaning, c.meaning) +
    (opts.lexicon ? W.lexicon * lexicalSimilarity(answer.meaning, c.meaning, opts.lexicon) : 0) +
    roleBonus(answer.group, c.group) +
    (answer.topic !== undefined && c.topic === answer.topic ? W.topic : 0);
  const ranked = candidates
    .filter((c) => c.key !== answer.key && !opts.exclude?.(c))
    .map((c) => ({ c, score: score(c) }))
    .sort((x, y) => y.score - x.score || x.c.key.localeCompare(y.c.key))
    .map((r) => r.c)
    .filter((c) => {
      const norm = normalizeAnswer(c.text);
      if (norm === "" || seen.has(norm)) return false;
      seen.add(norm);
      return true;
    });
  const out = ranked.slice(0, n);
  const long = answer.text.length;
  if (out.length > 0 && out.every((c) => c.text.length < long)) {
    // A name must be of the same role: a name of another kind would be picked out by its kind instead.
    const name = isName(answer.text);
    const longer = ranked.slice(n).find((c) => c.text.length >= long && (!name || c.group === answer.group));
    if (longer) out[out.length - 1] = longer;
  }
  return out.map((c) => c.text);
}
