// One fact per card (issue 11): why a recalled answer asks more than one thing at once. Counting clauses
// is not enough: "checks the behavior and runs evaluations" is one clause with two predicates, "formatting,
// dates and tone" is a list, "because… and because…" gives two reasons. Pure; used by the generator
// (a definition holding several facts is recognised among definitions, not recalled) and content:audit.

/**
 * Clauses of a definition: "…ranked by humans, and these preferences train a
 * reward model, which then guides…" has three. A definition of several
 * clauses states several facts.
 */
export function clauseCount(text: string): number {
  return 1 + (text.match(/,\s+(?:and|which|where|then|often|\w+ing|\w+ed)\b|;|\sand\s+\w+ing\b/g)?.length ?? 0);
}

/** Words that start a verb phrase after "and" / "or" often enough to call it a second predicate. */
const VERB_AFTER_AND =
  /\b(?:and|or|but)\s+(?:then\s+)?(?:also\s+)?(?:is|are|was|were|has|have|had|can|could|will|would|should|must|may|might|does|do|did|makes?|gives?|keeps?|lets?|runs?|checks?|pushes?|trains?|shows?|tells?|says?|adds?|uses?|takes?|helps?|stays?|becomes?|displays?|prefers?|treats?|avoids?|refuses?|acts?|needs?|leads?|means?|gets?|learns?|adjusts?|fixes?|sets?|writes?|reads?|tries?|judges?|selects?|chooses?)\b/i;

/** The reasons an answer holds several facts (empty when it holds one). */
export function factProblems(answer: string): string[] {
  const text = answer.trim();
  const out: string[] = [];
  const clauses = clauseCount(text);
  if (clauses > 2) out.push(`${clauses} clauses`);
  // Two sentences, or two statements joined by a semicolon.
  if (/[.!?]\s+\p{Lu}/u.test(text.replace(/\b(?:e\.g|i\.e|vs|etc|Dr|Mr|Ms)\./g, ""))) out.push("two sentences");
  if (/;/.test(text)) out.push("two statements joined by a semicolon");
  // A list of three or more: "A, B and C", "A, B, or C".
  // The middle item is short (at most four words), so "a smaller, specific dataset to adapt it for a task or
  // behavior" is not one.
  if (/,\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}[\p{L}\p{N}'’-]+,?\s+(?:and|or)\s+\S/u.test(text)) out.push("a list of three or more");
  // Coordinated predicates: "…does X and does Y".
  if (VERB_AFTER_AND.test(text)) out.push("two predicates joined by and/or");
  // Two reasons at once.
  if (/\bbecause\b[^.]*\b(?:and|also)\b[^.]*\bbecause\b/i.test(text) || /\b(?:two|both) reasons?\b/i.test(text) || /\bfirst\b.*\bsecond\b/i.test(text))
    out.push("two reasons");
  return out;
}
