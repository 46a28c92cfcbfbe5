// Chooses the phrase a cloze hides: one to three adjacent content words,
// never a stop word, whose words appear nowhere else in the prompt, preferring
// words that are rare across the deck (the distinctive idea) and words of the
// item's title or of the deck's vocabulary (its key concepts).
import { isStopWord } from "./stop-words";
import { stem } from "./text-similarity";

export type Cloze = { prompt: string; answer: string };

export const CLOZE_GAP = "_____";

type Word = { text: string; start: number; end: number; stem: string; parts: string[] };

function words(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
    stem: stem(m[0]),
    // "five-carbon" gives "carbon" away too.
    parts: m[0].includes("-") ? m[0].split("-").map(stem) : [],
  }));
}

const mentions = (w: Word, stems: ReadonlySet<string>) => stems.has(w.stem) || w.parts.some((p) => stems.has(p));

const isContent = (w: Word) => w.text.length >= 4 && !isStopWord(w.text) && !/^\d+$/.test(w.text);

/**
 * @param docFrequency how many items of the deck contain each stem (for rarity)
 * @param conceptStems stems of the item's title and the deck's terms, favoured as key concepts
 */
export function makeCloze(text: string, docFrequency: (stem: string) => number, conceptStems: ReadonlySet<string>): Cloze | null {
  const ws = words(text);
  let best: { score: number; from: number; to: number } | null = null;
  for (let i = 0; i < ws.length; i++) {
    for (let len = 1; len <= 3 && i + len <= ws.length; len++) {
      const span = ws.slice(i, i + len);
      if (!span.every(isContent)) break;
      // Adjacent words only: nothing but a space between them.
      if (span.some((w, j) => j > 0 && text.slice(span[j - 1]!.end, w.start) !== " ")) break;
      // A term next to its own expansion or acronym, "RLHF (Reinforcement…)",
      // would be given away by the parenthesis.
      const from = span[0]!.start;
      const to = span[len - 1]!.end;
      if (/^\s?\(/.test(text.slice(to, to + 2)) || /\(\s?$/.test(text.slice(Math.max(0, from - 2), from))) continue;
      const hidden = new Set(span.map((w) => w.stem));
      const leaks = ws.some((w, j) => (j < i || j >= i + len) && mentions(w, hidden));
      if (leaks) continue;
      const rarity = span.reduce((s, w) => s + 1 / Math.max(1, docFrequency(w.stem)), 0) / len;
      const concept = span.filter((w) => conceptStems.has(w.stem)).length / len;
      // Key concepts first, then rarity; a slight preference for two-word phrases.
      const score = 0.5 * rarity + concept + 0.05 * (len - 1);
      if (!best || score > best.score + 1e-9) best = { score, from, to };
    }
  }
  if (!best) return null;
  return { prompt: `${text.slice(0, best.from)}${CLOZE_GAP}${text.slice(best.to)}`, answer: text.slice(best.from, best.to) };
}

/**
 * A cloze on a phrase the deck's author chose (clozes.yaml). Returns an error
 * message instead when the phrase cannot make a fair cloze: it must occur
 * exactly once, hold a content word, and none of its words may appear
 * elsewhere in the text.
 */
export function clozeAt(text: string, phrase: string): Cloze | string {
  const at = text.indexOf(phrase);
  if (at < 0) return `cloze phrase "${phrase}" does not occur in the text`;
  if (text.indexOf(phrase, at + 1) >= 0) return `cloze phrase "${phrase}" occurs more than once`;
  const ws = words(text);
  const inside = (w: Word) => w.start >= at && w.end <= at + phrase.length;
  const hidden = ws.filter(inside);
  if (!hidden.some(isContent)) return `cloze phrase "${phrase}" hides no content word`;
  const stems = new Set(hidden.filter(isContent).map((w) => w.stem));
  const leak = ws.find((w) => !inside(w) && mentions(w, stems));
  if (leak) return `cloze phrase "${phrase}" is given away by "${leak.text}" elsewhere in the text`;
  return { prompt: `${text.slice(0, at)}${CLOZE_GAP}${text.slice(at + phrase.length)}`, answer: phrase };
}
