// A small bag-of-words cosine similarity, enough to rank distractors by how
// close in meaning they are to the answer (shared content words).
import { stemmer } from "stemmer";
import { isStopWord } from "./stop-words";

export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).filter((w) => w.length > 2 && !isStopWord(w)).map(stem);
}

/** Porter stem of each hyphen-joined part, so "preferences" and "preferred" meet at "prefer". */
export function stem(word: string): string {
  const base = word.toLowerCase().replace(/['’]s$/u, "");
  return (
    base
      .split("-")
      .map((part) => stemmer(part))
      .join("-") || base
  );
}

export function similarity(a: string, b: string): number {
  const va = counts(contentWords(a));
  const vb = counts(contentWords(b));
  let dot = 0;
  for (const [w, n] of va) dot += n * (vb.get(w) ?? 0);
  const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, n) => s + n * n, 0));
  const d = norm(va) * norm(vb);
  return d === 0 ? 0 : dot / d;
}

function counts(words: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}
