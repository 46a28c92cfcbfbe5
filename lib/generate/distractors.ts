import { normalizeAnswer } from "../grade";
import { similarity } from "./text-similarity";

/** `group`: the item's role (e.g. a pipeline stage vs a model behaviour); distractors of the same role rank first. */
export type Candidate = { key: string; text: string; meaning: string; group?: string };

/**
 * Picks up to `n` distractors for an answer: candidates of the same kind,
 * nearest in meaning first — with a bonus for options about as long as the
 * answer, so length does not give it away — (ties by key, so deterministic),
 * never equal to the answer and never two that read the same.
 */
export function pickDistractors(answer: Candidate, candidates: readonly Candidate[], n: number): string[] {
  const seen = new Set([normalizeAnswer(answer.text)]);
  // Shape matters as well as meaning: a distractor much shorter than the answer
  // lets the answer be picked as "the longest option", so near-length ones are preferred.
  const shape = (c: Candidate) => (answer.text.length >= 20 && c.text.length >= 0.85 * answer.text.length ? 0.2 : 0);
  const ranked = candidates
    .filter((c) => c.key !== answer.key)
    .map((c) => ({ c, score: similarity(answer.meaning, c.meaning) + shape(c) + (answer.group !== undefined && c.group === answer.group ? 0.3 : 0) }))
    .sort((x, y) => y.score - x.score || x.c.key.localeCompare(y.c.key));
  const out: string[] = [];
  for (const { c } of ranked) {
    if (out.length >= n) break;
    const norm = normalizeAnswer(c.text);
    if (norm === "" || seen.has(norm)) continue;
    seen.add(norm);
    out.push(c.text);
  }
  return out;
}
