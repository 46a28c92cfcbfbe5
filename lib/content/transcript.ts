// A deck's transcript for reading in the app, cut into paragraphs, with the
// passage to highlight located in it. Reads the deck folder (like sync does).
import { listDeckDirs, loadDeck } from "./load-deck";
import { collapse } from "./text";
import { sentences } from "./evidence";

export type TranscriptView = {
  title: string;
  /** Paragraphs of a few sentences; each split into [text, highlighted] runs. */
  paragraphs: { runs: { text: string; marked: boolean }[] }[];
  /** Whether the passage asked for was found. */
  found: boolean;
};

const SENTENCES_PER_PARAGRAPH = 6;

export function transcriptView(contentDir: string, deckKey: string, highlight: string | null): TranscriptView | null {
  const dir = listDeckDirs(contentDir).find((d) => loadDeck(d).meta.key === deckKey);
  if (!dir) return null;
  const deck = loadDeck(dir);
  const text = collapse(deck.talk?.transcript ?? "");
  const want = highlight ? collapse(highlight) : "";
  const at = want ? text.indexOf(want) : -1;
  const [from, to] = at >= 0 ? [at, at + want.length] : [-1, -1];
  const ss = sentences(text);
  const paragraphs: TranscriptView["paragraphs"] = [];
  for (let i = 0; i < ss.length; i += SENTENCES_PER_PARAGRAPH) {
    const start = ss[i]!.start;
    const last = ss[Math.min(i + SENTENCES_PER_PARAGRAPH, ss.length) - 1]!;
    const end = last.start + last.text.length;
    const runs: { text: string; marked: boolean }[] = [];
    const cut = [start, Math.min(Math.max(from, start), end), Math.min(Math.max(to, start), end), end];
    for (let k = 0; k < 3; k++) {
      const piece = text.slice(cut[k]!, cut[k + 1]!);
      if (piece) runs.push({ text: piece, marked: k === 1 });
    }
    paragraphs.push({ runs });
  }
  return { title: deck.meta.title, paragraphs, found: at >= 0 };
}
