// Closeness in meaning through a lexical database: two texts are close when
// their words share WordNet senses or hypernyms ("flatter" and "praise" meet at
// "compliment"), not only when they share words. Used to rank distractors.
// Pure given the lexicon (lib/lexicon/wordnet.ts reads WordNet; tests pass a fake).
import { isStopWord } from "./stop-words";
import { stem } from "./text-similarity";

/** What ranking needs from a lexical database: words of a word's first sense and of its hypernyms. */
export type RelatedWords = { related(word: string): string[] };

const conceptCache = new WeakMap<RelatedWords, Map<string, Set<string>>>();

/** The stems of a text's content words and of their WordNet relatives. */
export function concepts(text: string, lexicon: RelatedWords): Set<string> {
  let memo = conceptCache.get(lexicon);
  if (!memo) conceptCache.set(lexicon, (memo = new Map()));
  const hit = memo.get(text);
  if (hit) return hit;
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (w.length <= 2 || isStopWord(w)) continue;
    out.add(stem(w));
    for (const r of lexicon.related(w)) if (!isStopWord(r)) out.add(stem(r));
  }
  memo.set(text, out);
  return out;
}

/** Cosine of the two texts' concept sets: 0 (nothing in common) to 1. */
export function lexicalSimilarity(a: string, b: string, lexicon: RelatedWords): number {
  const ca = concepts(a, lexicon);
  const cb = concepts(b, lexicon);
  if (ca.size === 0 || cb.size === 0) return 0;
  let both = 0;
  for (const c of ca) if (cb.has(c)) both++;
  return both / Math.sqrt(ca.size * cb.size);
}
