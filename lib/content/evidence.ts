// Evidence from the transcript: the passage that best supports an item's claim
// (a glossary definition, a takeaway, a TL;DR point). The summary sections are
// not evidence — they are what needs supporting. Pure.
import { tokens } from "../grade";

export type Passage = { text: string; start: number; score: number };

type Sentence = { text: string; start: number; stems: Set<string>; question: boolean };

/**
 * Stems of a text's words (lib/grade's tokens: hyphenated compounds split, so the
 * summary's "fine-tuning" is the transcript's "fine tuning"). Function words need
 * no list: they are in most sentences, so their rarity weight is near zero.
 */
function stems(text: string): string[] {
  return tokens(text)
    .map((t) => t.stem)
    .filter((w) => w.length > 2);
}

/** Sentences of a (whitespace-collapsed) transcript, with their offsets. */
export function sentences(transcript: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?]+(?:[.!?]+["'”’)]*|$)/g;
  for (let m = re.exec(transcript); m !== null && m[0] !== ""; m = re.exec(transcript)) {
    const lead = m[0].length - m[0].trimStart().length;
    const text = m[0].trim();
    if (text === "") continue;
    out.push({ text, start: m.index + lead, stems: new Set(stems(text)), question: /\?["'”’)]*$/.test(text) });
  }
  return out;
}

/** A passage made only of questions is someone asking, not the talk stating: never evidence. */
export function isQuestionOnly(passage: string): boolean {
  const ss = sentences(passage);
  return ss.length > 0 && ss.every((s) => s.question);
}

/** Minimum share of the claim's (rarity-weighted) words a passage must contain to support it. */
export const MIN_SUPPORT = 0.25;

export type EvidenceIndex = { transcript: string; sentences: Sentence[]; idf: (stem: string) => number };

export function evidenceIndex(transcript: string): EvidenceIndex {
  const ss = sentences(transcript);
  const df = new Map<string, number>();
  for (const s of ss) for (const w of s.stems) df.set(w, (df.get(w) ?? 0) + 1);
  return { transcript, sentences: ss, idf: (w) => Math.log((ss.length + 1) / ((df.get(w) ?? 0) + 1)) };
}

/**
 * The passage of one to three consecutive sentences that contains most of the
 * claim's words (weighted by how rare each is in the transcript), verbatim, or
 * null when no passage reaches MIN_SUPPORT with at least two of those words:
 * the transcript does not discuss the item. Questions-only passages never count.
 */
export function findEvidence(index: EvidenceIndex, claim: string): Passage | null {
  const want = [...new Set(stems(claim))].filter((w) => index.idf(w) > 0);
  const total = want.reduce((s, w) => s + index.idf(w), 0);
  if (total === 0) return null;
  let best: (Passage & { hits: number }) | null = null;
  const ss = index.sentences;
  for (let i = 0; i < ss.length; i++) {
    if (ss[i]!.question) continue;
    const seen = new Set<string>();
    for (let len = 1; len <= 3 && i + len <= ss.length; len++) {
      const s = ss[i + len - 1]!;
      for (const w of s.stems) seen.add(w);
      const got = want.filter((w) => seen.has(w));
      // Longer passages must earn their length.
      const score = got.reduce((acc, w) => acc + index.idf(w), 0) / total - 0.03 * (len - 1);
      if (!best || score > best.score + 1e-9) {
        const end = s.start + s.text.length;
        best = { text: index.transcript.slice(ss[i]!.start, end), start: ss[i]!.start, score, hits: got.length };
      }
    }
  }
  if (!best || best.score < MIN_SUPPORT || best.hits < 2) return null;
  return { text: best.text, start: best.start, score: best.score };
}
