// Items → cards. Pure and deterministic: the same items and seed always give
// the same cards (option order comes from a RNG seeded by seed + note + kind).
// One fact per card; every card carries its note's key and source quote.
import { createRng, shuffle } from "./rng";
import type { ContentItem, ItemOf } from "../content/items";
import type { Diagnostic } from "../content/types";
import type { GeneratedCard } from "./types";
import { pickDistractors, type Candidate } from "./distractors";
import { makeCloze, clozeAt, type Cloze } from "./cloze";
import { contentWords, stem } from "./text-similarity";
import { contentTokens } from "../grade";
import { commonStems, itemText, leakedWords } from "./leak";

export type GenerateResult = { cards: GeneratedCard[]; diagnostics: Diagnostic[] };

export const GAP = "_____";

/** What generation needs from a lexical database (lib/lexicon/wordnet.ts implements it). */
export type SynonymSource = { synonyms(word: string): string[] };

export function generateCards(items: readonly ContentItem[], seed: string, lexicon: SynonymSource | null = null): GenerateResult {
  const cards: GeneratedCard[] = [];
  const diagnostics: Diagnostic[] = [];
  const of = <K extends ContentItem["kind"]>(k: K) => items.filter((i): i is ItemOf<K> => i.kind === k);
  const terms = of("term");
  const stages = of("stage");
  const methods = of("method");
  const rarity = documentFrequency(items);
  const termStems = terms.flatMap((t) => contentWords(t.term));
  // The deck's own names are domain words: WordNet's senses of "alignment" or
  // "model" are not the talk's, so they never get dictionary synonyms.
  const domainStems = new Set([
    ...termStems,
    ...terms.flatMap((t) => contentWords(t.expansion ?? "")),
    ...[...stages, ...methods].flatMap((s) => contentWords(s.name)),
  ]);
  const synonymsOf = (answers: readonly string[]) => answerSynonyms(answers, lexicon, domainStems);

  const choice = (card: Omit<GeneratedCard, "options" | "format">, distractors: string[]): GeneratedCard => ({
    ...card,
    format: "multiple-choice",
    options: shuffle([card.answer, ...distractors], createRng(`${seed}|${card.noteKey}|${card.kind}`)),
  });
  const base = (it: ContentItem, kind: string) => ({ noteKey: it.key, kind, topic: it.topic, source: it.source });

  const common = commonStems(items.map(itemText));
  const pipelineStems = new Set([...stages, ...methods].flatMap((s) => contentWords(`${s.name} ${s.what}`)).flatMap((w) => w.split("-")));
  const roleOf = (t: ItemOf<"term">) =>
    contentWords(`${t.term} ${t.expansion ?? ""}`)
      .flatMap((w) => w.split("-"))
      .some((w) => pipelineStems.has(w))
      ? "pipeline"
      : "other";
  for (const t of terms) {
    const names = [t.term, t.expansion].filter((x): x is string => !!x);
    const masked = maskAnswer(t.definition, names, common);
    // Recall of a definition of several clauses asks several facts at once: those are recognised among definitions instead.
    const defs = terms.map((o) => ({ key: o.key, text: o.definition, meaning: o.definition }));
    if (clauseCount(t.definition) <= 1) {
      cards.push({ ...base(t, "term-to-definition"), format: "flip", prompt: `What does “${t.term}” mean?`, answer: t.definition });
    } else {
      const byDefinition = pickDistractors({ key: t.key, text: t.definition, meaning: t.definition }, defs, 3);
      if (byDefinition.length === 3)
        cards.push(choice({ ...base(t, "term-to-definition"), prompt: `Which is the talk's definition of “${t.term}”?`, answer: t.definition }, byDefinition));
    }
    if (t.expansion) {
      cards.push({ ...base(t, "acronym-to-expansion"), format: "flip", prompt: `What does ${t.term} stand for?`, answer: t.expansion });
      cards.push({ ...base(t, "expansion-to-acronym"), format: "flip", prompt: `What is the acronym for ${t.expansion}?`, answer: t.term });
    }
    // Definition → term is one fact: one card, typed in review (recall) and
    // multiple choice in a quiz (its `options`), never three sibling cards.
    if (blankCount(masked) > 1) {
      diagnostics.push(warn(t, `the definition of ${t.term} names it ${blankCount(masked)} times; no definition-to-term card`));
      continue;
    }
    // A term's role ranks its distractors: a part of the training pipeline is confused with
    // another part, a model behaviour (jailbreak, sycophancy) with another behaviour.
    const others: Candidate[] = terms.map((o) => ({ key: o.key, text: o.term, meaning: o.definition, group: roleOf(o) }));
    const distractors = pickDistractors({ key: t.key, text: t.term, meaning: t.definition, group: roleOf(t) }, others, 3);
    cards.push({
      ...base(t, "definition-to-term"),
      format: "typed",
      prompt: `Which term is this? ${masked}`,
      answer: t.term,
      alternatives: t.expansion ? [t.expansion] : [],
      ...(distractors.length === 3 ? { options: shuffle([t.term, ...distractors], createRng(`${seed}|${t.key}|definition-to-term`)) } : {}),
      formerKinds: ["definition-to-term-typed", "definition-to-term-choice"],
    });
  }

  const takeaways = of("takeaway");
  for (const k of takeaways) {
    const cloze = chooseCloze(k, () => makeCloze(k.text, rarity, new Set([...contentWords(k.title), ...termStems])), diagnostics);
    if (cloze)
      cards.push({
        ...base(k, "takeaway-cloze"),
        format: "cloze",
        prompt: cloze.prompt,
        answer: cloze.answer,
        ...accepted(k, cloze, synonymsOf),
        explanation: `${k.title}: ${k.text}`,
      });
    else diagnostics.push(warn(k, `no phrase of “${k.title}” can be hidden without giving it away; no cloze card`));
    // Claim → which takeaway. The title's words are hidden in the claim, or the
    // right option could be found by matching words instead of understanding.
    const others = takeaways.map((o) => ({ key: o.key, text: o.title, meaning: `${o.title} ${o.text}` }));
    const distractors = pickDistractors({ key: k.key, text: k.title, meaning: `${k.title} ${k.text}` }, others, 3);
    const claim = maskStems(k.text, new Set(contentWords(k.title)));
    // Hiding the title's words must leave a readable claim with one gap ("cannot verify the _____ true _____" is not).
    if (blankCount(claim) > 1)
      diagnostics.push(warn(k, `hiding the words of “${k.title}” leaves ${blankCount(claim)} gaps in its claim; no claim-choice card`));
    else if (distractors.length === 3)
      cards.push(
        choice(
          {
            ...base(k, "takeaway-claim-choice"),
            prompt: `Which takeaway of the talk makes this claim? ${claim}`,
            answer: k.title,
            explanation: `${k.title}: ${k.text}`,
          },
          distractors,
        ),
      );
  }

  for (const p of of("tldr")) {
    const cloze = chooseCloze(p, () => makeCloze(p.text, rarity, new Set(termStems)), diagnostics);
    if (cloze)
      cards.push({
        ...base(p, "tldr-cloze"),
        format: "cloze",
        prompt: cloze.prompt,
        answer: cloze.answer,
        ...accepted(p, cloze, synonymsOf),
        explanation: p.text,
      });
  }

  // Pipeline: stages and fine-tuning methods. A method is never offered as a
  // distractor for its own stage (or the reverse): both would be right.
  const steps = [...stages, ...methods];
  const parentOf = (x: (typeof steps)[number]) => (x.kind === "method" ? `stage:${x.stage}` : null);
  const related = (a: (typeof steps)[number], b: (typeof steps)[number]) => parentOf(a) === b.key || parentOf(b) === a.key;
  for (const s of steps) {
    const pool = steps.filter((o) => !related(s, o));
    cards.push({ ...base(s, "stage-to-purpose"), format: "flip", prompt: `What is ${s.name} for?`, answer: s.purpose, explanation: s.what });
    const byPurpose = pickDistractors(
      { key: s.key, text: s.name, meaning: s.purpose },
      pool.map((o) => ({ key: o.key, text: o.name, meaning: o.purpose })),
      3,
    );
    const purpose = maskAnswer(s.purpose, [s.name, shortName(s.name)], common);
    if (blankCount(purpose) > 1) diagnostics.push(warn(s, `the purpose of ${s.name} names it ${blankCount(purpose)} times; no purpose-to-stage card`));
    else if (byPurpose.length >= 2)
      cards.push(
        choice(
          { ...base(s, "purpose-to-stage"), prompt: `Which part of the training pipeline is for this? ${purpose}`, answer: s.name, explanation: s.what },
          byPurpose,
        ),
      );
    if (s.kind === "method") {
      const bySignal = pickDistractors(
        { key: s.key, text: s.signal, meaning: s.signal },
        pool.map((o) => ({ key: o.key, text: o.signal, meaning: o.signal })),
        3,
      );
      if (bySignal.length >= 2)
        cards.push(
          choice(
            { ...base(s, "method-signal"), prompt: `Where does the training signal of ${shortName(s.name)} come from?`, answer: s.signal, explanation: s.what },
            bySignal,
          ),
        );
      if (s.steps.length >= 2)
        cards.push({ ...base(s, "steps-order"), format: "order", prompt: `Put the steps of ${s.name} in order.`, items: s.steps, answer: s.steps.join(" → ") });
    }
  }
  for (const p of of("pipeline")) {
    cards.push({
      ...base(p, "stages-order"),
      format: "order",
      prompt: "Put the stages of training in order, from first to last.",
      items: p.stages,
      answer: p.stages.join(" → "),
    });
  }

  for (const q of of("question")) {
    const common = { ...base(q, "question"), prompt: q.prompt, explanation: q.explanation };
    if (q.type === "multiple-choice") cards.push(choice({ ...common, answer: q.answer }, q.options));
    else if (q.type === "true-false") cards.push({ ...common, format: "true-false", answer: q.answer ? "True" : "False", options: ["True", "False"] });
    else cards.push({ ...common, format: "flip", answer: q.answer });
  }
  return { cards, diagnostics };
}

/** "RLHF (reinforcement learning from human feedback)" → "RLHF": the expansion would give the signal away. */
const shortName = (name: string) => name.replace(/\s*\([^)]*\)\s*$/, "") || name;

export const blankCount = (text: string) => text.match(/_{3,}/g)?.length ?? 0;

/**
 * Clauses of a definition: "…ranked by humans, and these preferences train a
 * reward model, which then guides…" has three. A definition of several
 * clauses states several facts.
 */
export function clauseCount(text: string): number {
  return 1 + (text.match(/,\s+(?:and|which|where|then|often|\w+ing|\w+ed)\b|;|\sand\s+\w+ing\b/g)?.length ?? 0);
}

/**
 * Hides the answer in a prompt: its names (with plural and possessive, as
 * `mask`) and every morphological variant of their distinctive words
 * ("aligned" in Alignment's definition, "constitution" in Constitutional AI's).
 */
export function maskAnswer(text: string, names: readonly string[], common: ReadonlySet<string> = new Set()): string {
  const masked = mask(text, names);
  return masked.replace(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu, (w) => (names.some((n) => leakedWords(w, n, common).length > 0) ? GAP : w));
}

/** Hides every word whose stem is in `stems` (e.g. a title's words in the claim it heads). */
export function maskStems(text: string, stems: ReadonlySet<string>): string {
  return text.replace(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu, (w) => (stems.has(stem(w)) ? GAP : w));
}

/**
 * Hides the card's own name(s) in a prompt so the prompt does not give the answer away,
 * with their plural and possessive forms ("Jailbreaks", "jailbreak's").
 */
export function mask(text: string, names: readonly string[]): string {
  let out = text;
  for (const n of [...names].sort((a, b) => b.length - a.length)) {
    const esc = n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?:['’]s|e?s)?(?![\\p{L}\\p{N}])`, "giu"), GAP);
  }
  return out;
}

function documentFrequency(items: readonly ContentItem[]): (stem: string) => number {
  const df = new Map<string, number>();
  for (const it of items) {
    for (const w of new Set(contentWords(JSON.stringify(it)))) df.set(w, (df.get(w) ?? 0) + 1);
  }
  return (s) => df.get(s) ?? 0;
}

/** The author's cloze phrase when there is one (an unfair one is an error), else the generator's pick. */
function chooseCloze(it: ItemOf<"takeaway"> | ItemOf<"tldr">, pick: () => Cloze | null, diagnostics: Diagnostic[]): Cloze | null {
  if (!it.cloze) return pick();
  const c = clozeAt(it.text, it.cloze.phrase);
  if (typeof c === "string") {
    diagnostics.push({ file: it.cloze.file, line: it.cloze.line, severity: "error", message: `${it.key}: ${c}` });
    return null;
  }
  return c;
}

/** A cloze's other right answers (the author's `accept:`) and the safe synonyms of its words. */
function accepted(it: ItemOf<"takeaway"> | ItemOf<"tldr">, cloze: Cloze, synonymsOf: (answers: readonly string[]) => Record<string, string[]>) {
  const alternatives = it.cloze && it.cloze.phrase === cloze.answer ? it.cloze.accept : [];
  const synonyms = synonymsOf([cloze.answer, ...alternatives]);
  return { alternatives, ...(Object.keys(synonyms).length > 0 ? { synonyms } : {}) };
}

/** Answer word (graded form, e.g. "stage") → safe synonyms; never for the deck's own terms. */
export function answerSynonyms(answers: readonly string[], lexicon: SynonymSource | null, domainStems: ReadonlySet<string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!lexicon) return out;
  // Parts of a hyphenated compound are not words of their own ("fine" in "fine-tuning").
  for (const a of answers.flatMap((x) => x.split(/\s+/)).filter((w) => !/[-‐‑]/.test(w))) {
    for (const t of contentTokens(a)) {
      if (t.norm.length < 4 || domainStems.has(stem(t.raw)) || out[t.norm]) continue;
      const syns = lexicon.synonyms(t.norm).filter((w) => !domainStems.has(stem(w)));
      if (syns.length > 0) out[t.norm] = syns;
    }
  }
  return out;
}

function warn(it: ContentItem, message: string): Diagnostic {
  return { file: it.source.file, line: it.source.line, severity: "warning", message };
}
