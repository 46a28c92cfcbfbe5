// Does a text give an answer away? Shared by the generator (a card that leaks
// is not made), quiz assembly (no question's answer shown by another question)
// and the audit. Pure.
import { contentWords } from "./text-similarity";

/** Answers of at most this many distinctive words are "short": any one of their words in the prompt gives them away. */
export const SHORT_ANSWER_WORDS = 4;

/**
 * The answer's distinctive stems: content words (stemmed, hyphenated compounds
 * kept whole: "fine-tuning" → "fine-tun") that are not common to the whole deck.
 * `common` holds stems so frequent in the deck ("train", "model") that sharing
 * them says nothing about the answer — unless the answer has no other words.
 */
export function distinctiveStems(answer: string, common: ReadonlySet<string> = new Set()): string[] {
  const all = [...new Set(contentWords(answer))];
  const rare = all.filter((s) => !common.has(s));
  // An answer made only of the deck's common words ("System Prompt") is still given away by them.
  return rare.length > 0 ? rare : all;
}

/** Stems of a text, with each hyphenated compound also split into its parts and joined ("fine tuning" meets "fine-tun"). */
export function textStems(text: string): Set<string> {
  const out = new Set<string>();
  const ws = contentWords(text);
  ws.forEach((w, i) => {
    out.add(w);
    for (const part of w.split("-")) out.add(part);
    const next = ws[i + 1];
    if (next) out.add(`${w}-${next}`);
  });
  return out;
}

/**
 * The words of `answer` that `text` gives away, or [] when it does not. A short
 * answer leaks through any of its distinctive words (or a morphological
 * variant: "aligned" for "Alignment", "constitution" for "Constitutional");
 * a long one only when most of it (≥ 60 % of its distinctive words) is there;
 * one made only of common words only when all of them are there.
 */
export function leakedWords(text: string | ReadonlySet<string>, answer: string | readonly string[], common: ReadonlySet<string> = new Set()): string[] {
  const stems = typeof answer === "string" ? distinctiveStems(answer, common) : answer;
  if (stems.length === 0) return [];
  const seen = typeof text === "string" ? textStems(text) : text;
  const hits = stems.filter((s) => seen.has(s) || (s.includes("-") && s.split("-").every((p) => seen.has(p))) || hasVariant(seen, s));
  // An answer made only of the deck's common words ("System Prompt", "The AI model itself, guided by
  // principles") is given away by all of them together, not by one ("model" is in every question).
  if (stems.length > 1 && stems.every((s) => common.has(s))) return hits.length === stems.length ? hits : [];
  if (stems.length <= SHORT_ANSWER_WORDS) return hits;
  return hits.length / stems.length >= 0.6 ? hits : [];
}

function hasVariant(seen: ReadonlySet<string>, s: string): boolean {
  for (const t of seen) if (variant(t, s)) return true;
  return false;
}

/** Porter leaves derivations apart ("constitut" vs "constitution"): a stem that starts with another of 5+ letters is its variant. */
function variant(a: string, b: string): boolean {
  if (a.includes("-") || b.includes("-")) return false;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return s.length >= 5 && l.startsWith(s);
}

/** Stems used by more than `share` of the deck's items: too common to give anything away. */
export function commonStems(texts: readonly string[], share = 0.25): Set<string> {
  const df = new Map<string, number>();
  for (const t of texts) for (const s of new Set(contentWords(t))) df.set(s, (df.get(s) ?? 0) + 1);
  return new Set([...df].filter(([, n]) => n > texts.length * share).map(([s]) => s));
}

export const BLANK_RE = /_{3,}/g;

/** Why a prompt with blanks is not a readable sentence with exactly one blank, or null. */
export function blankProblem(prompt: string): string | null {
  const n = prompt.match(BLANK_RE)?.length ?? 0;
  if (n !== 1) return `has ${n} blanks (needs exactly one)`;
  const words = prompt.replace(BLANK_RE, " ").match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < 4) return "is too short to read as a sentence";
  if (/[\p{L}\p{N}]_{3,}|_{3,}[\p{L}\p{N}]/u.test(prompt)) return "has a blank glued to a word";
  return null;
}

/** The words an item shows (its text fields, not its key, kind or source). */
export function itemText(item: object): string {
  const out: string[] = [];
  for (const [k, v] of Object.entries(item)) {
    if (k === "key" || k === "kind" || k === "topic" || k === "source" || k === "cloze" || k === "type") continue;
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) out.push(...v.filter((x): x is string => typeof x === "string"));
  }
  return out.join(" ");
}
