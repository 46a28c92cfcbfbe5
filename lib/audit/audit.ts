// content:audit — checks every card of a deck for what makes a card
// untrustworthy (issue 11): leaks, unreadable blanks, several facts, near-
// duplicates, distractor shape, evidence, coverage. Pure: takes the deck's
// items, transcript and cards; prints nothing.
import type { ContentItem } from "../content/items";
import { collapse } from "../content/text";
import { isQuestionOnly } from "../content/evidence";
import { blankProblem, commonStems, distinctiveStems, itemText, leakedWords } from "../generate/leak";
import { factProblems } from "../generate/one-fact";
import { eliminationReason, itemNames } from "../generate/eliminate";
import { similarity } from "../generate/text-similarity";
import { normalizeAnswer } from "../grade";
import type { Severity } from "../content/types";

/** The fields of a card the audit reads (GeneratedCard has them all). */
export type AuditCard = {
  noteKey: string;
  kind: string;
  format: string;
  prompt: string;
  answer: string;
  options?: string[];
  items?: string[];
  source: { file: string; line: number; quote: string; evidence?: "transcript" | "summary" };
};

export type CheckName = "leakage" | "readable-blank" | "one-fact" | "near-duplicates" | "distractor-shape" | "elimination" | "evidence" | "coverage";
export const CHECKS: readonly CheckName[] = [
  "leakage",
  "readable-blank",
  "one-fact",
  "near-duplicates",
  "distractor-shape",
  "elimination",
  "evidence",
  "coverage",
];

export type Finding = { check: CheckName; severity: Severity; file: string; line: number; card: string; message: string };
export type CheckSummary = { check: CheckName; checked: number; errors: number; warnings: number };
export type AuditReport = { deck: string; cards: number; checks: CheckSummary[]; findings: Finding[]; longestAnswerShare: number };

/** At most this share of multiple-choice cards may have the answer as their longest option. */
export const MAX_LONGEST_ANSWER_SHARE = 0.4;
/** Covered items need cards of at least this many kinds (authored questions count by their `covers:`). */
export const MIN_KINDS_PER_ITEM = 3;

const ASKED_AS = new Set(["flip", "typed", "cloze", "multiple-choice"]);
const STOCK =
  /^(Which term is this\?|Which term matches this definition\?|Type the term:|Which takeaway of the talk makes this claim\?|Which part of the training pipeline is for this\?)\s*/;

/** A distractor that is the answer in other words: all the answer's distinctive words (short answers) or the same words. */
function isVariantOf(option: string, answer: string, common: ReadonlySet<string>): boolean {
  if (normalizeAnswer(option) === normalizeAnswer(answer)) return true;
  const a = new Set(distinctiveStems(answer, common));
  const o = new Set(distinctiveStems(option, common));
  if (a.size === 0) return false;
  const same = a.size === o.size && [...a].every((s) => o.has(s));
  return same || (a.size <= 2 && [...a].every((s) => o.has(s)));
}

export function auditDeck(deck: string, items: readonly ContentItem[], transcript: string, cards: readonly AuditCard[]): AuditReport {
  const findings: Finding[] = [];
  const checked = new Map<CheckName, number>(CHECKS.map((c) => [c, 0]));
  const tick = (c: CheckName, n = 1) => checked.set(c, (checked.get(c) ?? 0) + n);
  const find = (check: CheckName, severity: Severity, c: AuditCard, message: string) =>
    findings.push({ check, severity, file: c.source.file, line: c.source.line, card: `${c.noteKey} ${c.kind}`, message });
  const common = commonStems(items.map(itemText));
  const text = collapse(transcript);

  for (const c of cards) {
    // Leakage: the prompt (and, for choices, the wrong options) must not give the answer away.
    if (ASKED_AS.has(c.format)) {
      tick("leakage");
      const leak = leakedWords(c.prompt.replace(/_{3,}/g, " "), c.answer, common);
      if (leak.length > 0)
        find("leakage", "error", c, `the prompt gives the answer away (${leak.join(", ")}): "${c.prompt.slice(0, 80)}" → "${c.answer.slice(0, 50)}"`);
      for (const o of c.options ?? []) {
        if (o !== c.answer && isVariantOf(o, c.answer, common)) find("leakage", "error", c, `option "${o}" is the answer in other words ("${c.answer}")`);
      }
    }
    // Readable blank: a masked prompt is a sentence with exactly one gap.
    if (/_{3,}/.test(c.prompt) || c.format === "cloze") {
      tick("readable-blank");
      const why = blankProblem(c.prompt);
      if (why) find("readable-blank", "error", c, `masked prompt ${why}: "${c.prompt.slice(0, 100)}"`);
    }
    // One fact: a recalled answer of several clauses, predicates, reasons or list items asks several things at once.
    if (c.format === "flip" || c.format === "typed") {
      tick("one-fact");
      const why = factProblems(c.answer);
      if (why.length > 0)
        find("one-fact", "error", c, `the answer holds several facts (${why.join(", ")}): "${c.answer.slice(0, 70)}"; ask one fact, or test it by recognition`);
    }
    // Evidence: verbatim transcript text that is not just a question.
    tick("evidence");
    const quote = collapse(c.source.quote);
    if (c.source.evidence === "summary")
      find("evidence", "warning", c, `the transcript never discusses this; the card shows the summary line: "${quote.slice(0, 60)}"`);
    else if (quote === "" || !text.includes(quote)) find("evidence", "error", c, `the source passage is not verbatim transcript text: "${quote.slice(0, 60)}"`);
    else if (isQuestionOnly(quote)) find("evidence", "error", c, `the source passage is only a question, which is not evidence: "${quote.slice(0, 60)}"`);
  }

  // Near-duplicates: two cards asking for the same answer with (nearly) the same prompt.
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      const a = cards[i]!;
      const b = cards[j]!;
      tick("near-duplicates");
      const sameAnswer = normalizeAnswer(a.answer) === normalizeAnswer(b.answer) || (a.items && b.items && a.items.join("|") === b.items.join("|"));
      const close = similarity(a.prompt.replace(STOCK, ""), b.prompt.replace(STOCK, "")) >= 0.8;
      const sameOrder = a.format === "order" && b.format === "order" && a.items?.join("|") === b.items?.join("|");
      // A question whose answer is an order card's sequence retold ("Pre-training, fine-tuning, then the system prompt").
      const order = a.format === "order" ? a : b.format === "order" ? b : null;
      const other = order === a ? b : a;
      const sequence = (other.answer.match(/,|\bthen\b|→/g)?.length ?? 0) >= 2;
      const retold = order !== null && other.format !== "order" && sequence && similarity(other.answer, (order.items ?? []).join(" ")) >= 0.75;
      if ((sameAnswer && close) || sameOrder || retold)
        find("near-duplicates", "error", b, `asks the same as ${a.noteKey} ${a.kind} (${a.source.file}:${a.source.line})`);
    }
  }

  // Elimination: no wrong option may be ruled out without knowing the answer — naming what the card asks
  // about (its item, or the items an authored question covers), named by the prompt, or inside another option.
  const byKey = new Map(items.map((it) => [it.key, it]));
  for (const c of cards) {
    if (c.format !== "multiple-choice" || (c.options?.length ?? 0) < 3) continue;
    tick("elimination");
    const own = byKey.get(c.noteKey);
    const subjects = [own, ...(own?.kind === "question" ? (own.covers ?? []).map((k) => byKey.get(k)) : [])];
    const subjectNames = subjects.flatMap((it) => (it ? itemNames(it) : []));
    for (const o of c.options ?? []) {
      if (o === c.answer) continue;
      const why = eliminationReason(o, { prompt: c.prompt, subjectNames, others: c.options ?? [] }, common);
      if (why) find("elimination", "error", c, `${why}: it can be ruled out without knowing the answer`);
    }
  }

  // Distractor shape: the answer must not be findable as the longest option.
  const choices = cards.filter((c) => c.format === "multiple-choice" && (c.options?.length ?? 0) >= 3);
  let longest = 0;
  for (const c of choices) {
    tick("distractor-shape");
    const others = (c.options ?? []).filter((o) => o !== c.answer);
    if (others.every((o) => o.length < c.answer.length)) longest++;
  }
  const longestAnswerShare = choices.length === 0 ? 0 : longest / choices.length;
  if (longestAnswerShare > MAX_LONGEST_ANSWER_SHARE) {
    findings.push({
      check: "distractor-shape",
      severity: "error",
      file: cards[0]?.source.file ?? "",
      line: 1,
      card: deck,
      message: `the answer is the longest option in ${longest} of ${choices.length} multiple-choice cards (${Math.round(100 * longestAnswerShare)}% > ${100 * MAX_LONGEST_ANSWER_SHARE}%)`,
    });
  }

  // Coverage: every term, takeaway, TL;DR point and stage is asked in at least three kinds of card.
  const kindsOf = new Map<string, Set<string>>();
  for (const c of cards) kindsOf.set(c.noteKey, (kindsOf.get(c.noteKey) ?? new Set()).add(c.kind));
  for (const q of items) {
    if (q.kind !== "question") continue;
    for (const k of q.covers ?? []) kindsOf.set(k, (kindsOf.get(k) ?? new Set()).add(`question:${q.type}:${q.key}`));
  }
  for (const it of items) {
    if (!["term", "takeaway", "tldr", "stage", "method"].includes(it.kind)) continue;
    tick("coverage");
    const n = kindsOf.get(it.key)?.size ?? 0;
    if (n < MIN_KINDS_PER_ITEM) {
      findings.push({
        check: "coverage",
        severity: "warning",
        file: it.source.file,
        line: it.source.line,
        card: it.key,
        message: `covered by ${n} kind${n === 1 ? "" : "s"} of card (needs ${MIN_KINDS_PER_ITEM}; authored questions count with covers: [${it.key}])`,
      });
    }
  }

  const checks = CHECKS.map((check) => ({
    check,
    checked: checked.get(check) ?? 0,
    errors: findings.filter((f) => f.check === check && f.severity === "error").length,
    warnings: findings.filter((f) => f.check === check && f.severity === "warning").length,
  }));
  return { deck, cards: cards.length, checks, findings, longestAnswerShare };
}

export function formatReport(r: AuditReport): string[] {
  const lines = [`deck ${r.deck}: ${r.cards} cards`];
  for (const c of r.checks) {
    const extra = c.check === "distractor-shape" ? `, answer longest in ${Math.round(100 * r.longestAnswerShare)}%` : "";
    lines.push(`  ${c.check}: ${c.checked} checked, ${c.errors} error(s), ${c.warnings} warning(s)${extra}`);
    for (const f of r.findings.filter((x) => x.check === c.check)) lines.push(`    ${f.file}:${f.line}: ${f.severity}: ${f.card}: ${f.message}`);
  }
  return lines;
}
