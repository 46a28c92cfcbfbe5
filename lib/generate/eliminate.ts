// Options a learner can rule out without knowing the answer (issue 11): a
// distractor that names what the card asks about ("…often involving RL-AIF"
// offered as RL-AIF's definition), a distractor the prompt itself names or
// rules out ("Pre-training" next to "…where a pre-trained model is further
// trained"), or one option inside another ("RL-AIF" and "Constitutional AI
// (RL-AIF)"). Shared by the generator (such distractors are never picked), the
// audit and the invariant test over every choice card. Pure.
import type { ContentItem } from "../content/items";
import { distinctiveStems, leakedWords, SHORT_ANSWER_WORDS, textStems } from "./leak";
import { contentWords } from "./text-similarity";

/** The names an item goes by: a term and its expansion; a stage's or method's name, its short name and acronym. */
export function itemNames(it: ContentItem): string[] {
  if (it.kind === "term") return [it.term, ...(it.expansion ? [it.expansion] : [])];
  if (it.kind === "stage" || it.kind === "method") {
    const short = it.name.replace(/\s*\([^)]*\)\s*$/, "");
    const inParens = it.name.match(/\(([^)]+)\)\s*$/)?.[1];
    return [...new Set([it.name, short, ...(inParens ? [inParens] : [])])].filter((n) => n !== "");
  }
  return [];
}

/**
 * A name rather than a sentence: a term or stage ("System prompt", "RL-AIF": at most three words) or a
 * title ("Challenge of User Intent Verification": up to six words, every longer word capitalised).
 */
export function isName(text: string): boolean {
  const t = text.trim();
  if (/[.!?]$/.test(t) || contentWords(t).length > SHORT_ANSWER_WORDS + 1) return false;
  const words = t.split(/\s+/);
  if (words.length <= 3) return true;
  return words.length <= 6 && words.every((w) => w.length < 4 || /^[\p{Lu}\p{N}("]/u.test(w));
}

/** Does `text` mention `name` — all of the name's distinctive words (or their variants) are in it? */
export function mentions(text: string, name: string, common: ReadonlySet<string> = new Set()): boolean {
  const stems = distinctiveStems(name, common);
  if (stems.length === 0) return false;
  return leakedWords(textStems(text), stems, new Set()).length === stems.length;
}

/**
 * Why `option`, a wrong option of a choice card, can be ruled out without
 * knowing the answer — or null. `subjectNames`: the names of what the card
 * asks about; `others`: the card's other options (the answer included).
 */
export function eliminationReason(
  option: string,
  card: { prompt: string; subjectNames: readonly string[]; others: readonly string[] },
  common: ReadonlySet<string>,
): string | null {
  const named = card.subjectNames.find((n) => mentions(option, n, common));
  if (named) return `option "${short(option)}" names "${named}", what the card asks about`;
  if (isName(option) && leakedWords(card.prompt.replace(/_{3,}/g, " "), option, common).length > 0)
    return `the prompt names option "${short(option)}", which rules it out`;
  for (const o of card.others) {
    if (o === option) continue;
    if (isName(o) && mentions(option, o, common)) return `option "${short(option)}" contains option "${short(o)}"`;
    if (isName(option) && mentions(o, option, common)) return `option "${short(o)}" contains option "${short(option)}"`;
  }
  return null;
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
