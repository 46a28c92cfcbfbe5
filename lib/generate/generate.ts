// Items → cards. Pure and deterministic: the same items and seed always give
// the same cards (option order comes from a RNG seeded by seed + note + kind).
// One fact per card; every card carries its note's key and source quote.
import { createRng, shuffle } from "./rng";
import type { ContentItem, ItemOf } from "../content/items";
import type { Diagnostic } from "../content/types";
import type { GeneratedCard } from "./types";
import { pickDistractors, type Candidate, type PickOptions } from "./distractors";
import { eliminationReason, itemNames, mentions } from "./eliminate";
import { clauseCount, factProblems } from "./one-fact";

export { clauseCount };
import type { RelatedWords } from "./lexical-similarity";
import { makeCloze, clozeAt, type Cloze } from "./cloze";
import { contentWords, stem } from "./text-similarity";
import { contentTokens } from "../grade";
import { commonStems, distinctiveStems, itemText, leakedWords, textStems } from "./leak";

export type GenerateResult = { cards: GeneratedCard[]; diagnostics: Diagnostic[] };

export const GAP = "_____";

/** What generation needs from a lexical database (lib/lexicon/wordnet.ts implements it): synonyms, and related words for ranking. */
export type SynonymSource = { synonyms(word: string): string[] } & Partial<RelatedWords>;

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
  // WordNet's relatives of ordinary words rank distractors; the deck's own names have none (not WordNet's senses).
  const related: RelatedWords | null = lexicon?.related
    ? { related: (w) => (domainStems.has(stem(w)) ? [] : (lexicon.related?.(w) ?? []).filter((r) => !domainStems.has(stem(r)))) }
    : null;

  const choice = (card: Omit<GeneratedCard, "options" | "format">, distractors: string[]): GeneratedCard => ({
    ...card,
    format: "multiple-choice",
    options: shuffle([card.answer, ...distractors], createRng(`${seed}|${card.noteKey}|${card.kind}`)),
  });
  const base = (it: ContentItem, kind: string) => ({ noteKey: it.key, kind, topic: it.topic, source: it.source });

  const common = commonStems(items.map(itemText));
  const pipelineStems = new Set([...stages, ...methods].flatMap((s) => contentWords(`${s.name} ${s.what}`)).flatMap((w) => w.split("-")));
  // A term's role in the pipeline: it names a stage, a fine-tuning method, something of the pipeline, or none.
  const sameName = (a: readonly string[], b: readonly string[]) => a.some((x) => b.some((y) => normalizeKey(x) === normalizeKey(y)));
  const stepOf = (t: ItemOf<"term">) => [...stages, ...methods].find((x) => sameName(itemNames(t), itemNames(x)));
  const roleOf = (t: ItemOf<"term">) => {
    const step = stepOf(t);
    if (step) return `pipeline:${step.kind}`;
    return contentWords(`${t.term} ${t.expansion ?? ""}`)
      .flatMap((w) => w.split("-"))
      .some((w) => pipelineStems.has(w))
      ? "pipeline:other"
      : "other";
  };
  // Terms defined through each other ("RLHF — a fine-tuning technique…", "RL-AIF — a component of
  // Constitutional AI…") are never each other's distractors: the one is a kind or part of the other.
  const definedVia = (a: ItemOf<"term">, b: ItemOf<"term">) => itemNames(b).some((n) => mentions(genus(a.definition), n, common));
  // So are a method and its stage (Constitutional AI is a way of fine-tuning), as in the pipeline cards.
  const partOf = (a: ItemOf<"term">, b: ItemOf<"term">) => {
    const [x, y] = [stepOf(a), stepOf(b)];
    return x?.kind === "method" && y !== undefined && `stage:${x.stage}` === y.key;
  };
  const relatedTerms = (a: ItemOf<"term">, b: ItemOf<"term">) => definedVia(a, b) || definedVia(b, a) || partOf(a, b) || partOf(b, a);
  /** Options for a choice card: no related item, and nothing the card would let the learner rule out. */
  const fair = (prompt: string, subject: ContentItem, answer: string, unrelated: (key: string) => boolean): PickOptions => ({
    lexicon: related,
    exclude: (c) => !unrelated(c.key) || eliminationReason(c.text, { prompt, subjectNames: itemNames(subject), others: [answer] }, common) !== null,
  });
  const termByKey = new Map(terms.map((t) => [t.key, t]));
  const unrelatedTerm = (t: ItemOf<"term">) => (key: string) => {
    const o = termByKey.get(key);
    return o !== undefined && !relatedTerms(t, o);
  };
  for (const t of terms) {
    const names = [t.term, t.expansion].filter((x): x is string => !!x);
    const masked = maskAnswer(t.definition, names, common);
    // Recall of a definition of several clauses or facts (a list, two predicates) asks several things at
    // once: those are recognised among definitions instead.
    const defs = terms.map((o) => ({ key: o.key, text: o.definition, meaning: o.definition, group: roleOf(o) }));
    if (clauseCount(t.definition) <= 1 && factProblems(t.definition).length === 0) {
      cards.push({ ...base(t, "term-to-definition"), format: "flip", prompt: `What does “${t.term}” mean?`, answer: t.definition });
    } else {
      const prompt = `Which is the talk's definition of “${t.term}”?`;
      const byDefinition = pickDistractors(
        { key: t.key, text: t.definition, meaning: t.definition, group: roleOf(t) },
        defs,
        3,
        fair(prompt, t, t.definition, unrelatedTerm(t)),
      );
      if (byDefinition.length === 3) cards.push(choice({ ...base(t, "term-to-definition"), prompt, answer: t.definition }, byDefinition));
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
    const prompt = `Which term is this? ${masked}`;
    const distractors = pickDistractors(
      { key: t.key, text: t.term, meaning: t.definition, group: roleOf(t) },
      others,
      3,
      fair(prompt, t, t.term, unrelatedTerm(t)),
    );
    cards.push({
      ...base(t, "definition-to-term"),
      format: "typed",
      prompt,
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
    const claim = maskStems(k.text, new Set(contentWords(k.title)));
    const claimPrompt = `Which takeaway of the talk makes this claim? ${claim}`;
    const distractors = pickDistractors(
      { key: k.key, text: k.title, meaning: `${k.title} ${k.text}` },
      others,
      3,
      fair(claimPrompt, k, k.title, () => true),
    );
    // Hiding the title's words must leave a readable claim with one gap ("cannot verify the _____ true _____" is not).
    if (blankCount(claim) > 1)
      diagnostics.push(warn(k, `hiding the words of “${k.title}” leaves ${blankCount(claim)} gaps in its claim; no claim-choice card`));
    else if (distractors.length === 3)
      cards.push(
        choice(
          {
            ...base(k, "takeaway-claim-choice"),
            prompt: claimPrompt,
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
  const isParent = (a: (typeof steps)[number], b: (typeof steps)[number]) => parentOf(a) === b.key || parentOf(b) === a.key;
  const stepByKey = new Map(steps.map((x) => [x.key, x]));
  const roleOfStep = (x: (typeof steps)[number]) => `pipeline:${x.kind}`;
  for (const s of steps) {
    const pool = steps.filter((o) => !isParent(s, o));
    cards.push({ ...base(s, "stage-to-purpose"), format: "flip", prompt: `What is ${s.name} for?`, answer: s.purpose, explanation: s.what });
    const purpose = maskAnswer(s.purpose, [s.name, shortName(s.name)], common);
    const purposePrompt = `Which part of the training pipeline is for this? ${purpose}`;
    // Options by their short names: "RLHF (reinforcement learning from human feedback)" would stand out by its length.
    const byPurpose = pickDistractors(
      { key: s.key, text: shortName(s.name), meaning: s.purpose, group: roleOfStep(s) },
      pool.map((o) => ({ key: o.key, text: shortName(o.name), meaning: o.purpose, group: roleOfStep(o) })),
      3,
      fair(purposePrompt, s, shortName(s.name), (key) => {
        const o = stepByKey.get(key);
        return o !== undefined && !feedsSame(s, o, common);
      }),
    );
    if (blankCount(purpose) > 1) diagnostics.push(warn(s, `the purpose of ${s.name} names it ${blankCount(purpose)} times; no purpose-to-stage card`));
    else if (byPurpose.length >= 2)
      cards.push(choice({ ...base(s, "purpose-to-stage"), prompt: purposePrompt, answer: shortName(s.name), explanation: s.what }, byPurpose));
    if (s.kind === "method") {
      const signalPrompt = `Where does the training signal of ${shortName(s.name)} come from?`;
      // A signal the talk cannot rule out for this method is not a distractor: one feeding the same
      // mechanism (both go into "the preference model"), or one the method's own passage supports.
      const defensible = (o: (typeof steps)[number]) => feedsSame(s, o, common) || supports(s.source.quote, o.signal, common);
      const bySignal = pickDistractors(
        { key: s.key, text: s.signal, meaning: s.signal, group: roleOfStep(s) },
        pool.map((o) => ({ key: o.key, text: o.signal, meaning: o.signal, group: roleOfStep(o) })),
        3,
        fair(signalPrompt, s, s.signal, (key) => {
          const o = stepByKey.get(key);
          return o !== undefined && !defensible(o);
        }),
      );
      if (bySignal.length >= 2) cards.push(choice({ ...base(s, "method-signal"), prompt: signalPrompt, answer: s.signal, explanation: s.what }, bySignal));
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

/** A definition's genus, the words before what sets the term apart: "A fine-tuning technique" of "A fine-tuning technique where…". */
export const genus = (definition: string) => definition.split(/\b(?:where|that|which|who|when|used|to|in which)\b|[,;:(]/i)[0] ?? definition;

/** Names compared as keys: case, spacing and punctuation aside. */
const normalizeKey = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** Pairs of adjacent content stems: "preference model" → "prefer model". Phrases, not words, name a mechanism. */
function bigrams(text: string): Set<string> {
  const ws = contentWords(text).flatMap((w) => w.split("-"));
  return new Set(ws.slice(1).map((w, i) => `${ws[i]} ${w}`));
}

type Step = ItemOf<"stage"> | ItemOf<"method">;
const description = (x: Step) => [x.what, x.signal, ...(x.kind === "method" ? x.steps : [])].join(" ");

/**
 * Do two pipeline items' signals feed the same mechanism? One's signal names a phrase (two content words,
 * not common to the deck) that the other's description also names — "data added to the preference model"
 * and RLHF's "choices train preference models": the talk cannot say the one does not come from the other.
 */
export function feedsSame(a: Step, b: Step, common: ReadonlySet<string>): boolean {
  const rare = (g: string) => g.split(" ").some((w) => !common.has(w));
  const shared = (x: Step, y: Step) => [...bigrams(x.signal)].some((g) => rare(g) && bigrams(description(y)).has(g));
  return shared(a, b) || shared(b, a);
}

/** Does a passage of the talk support `claim` — most (≥ 60 %, at least two) of its distinctive words are in it? */
export function supports(passage: string, claim: string, common: ReadonlySet<string>): boolean {
  const stems = distinctiveStems(claim, common);
  if (stems.length < 2) return false;
  const seen = textStems(passage);
  return stems.filter((x) => seen.has(x)).length / stems.length >= 0.6;
}

/** "RLHF (reinforcement learning from human feedback)" → "RLHF": the expansion would give the signal away. */
const shortName = (name: string) => name.replace(/\s*\([^)]*\)\s*$/, "") || name;

export const blankCount = (text: string) => text.match(/_{3,}/g)?.length ?? 0;

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
