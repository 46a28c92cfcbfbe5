import { normalizeAnswer } from "../grade";
import { similarity } from "./text-similarity";

export type Candidate = { key: string; text: string; meaning: string };

/**
 * Picks up to `n` distractors for an answer: candidates of the same kind,
 * nearest in meaning first (ties by key, so the result is deterministic),
 * never equal to the answer and never two that read the same.
 */
export function pickDistractors(answer: Candidate, candidates: readonly Candidate[], n: number): string[] {
  const seen = new Set([normalizeAnswer(answer.text)]);
  const ranked = candidates
    .filter((c) => c.key !== answer.key)
    .map((c) => ({ c, score: similarity(answer.meaning, c.meaning) }))
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
