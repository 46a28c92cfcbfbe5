// Fair grading of a typed answer or a cloze gap, defined once: review (typed and
// cloze cards, in the browser) and quiz (cloze questions, on the server) both
// call gradeTyped. Pure. See docs/decisions/0015-fair-grading.md.
import { damerauLevenshtein } from "./distance";
import { codePoints, normalizeAnswer } from "./normalize";
import { contentTokens, hasNegation, stemWord, type Token } from "./tokens";

export type Verdict = "correct" | "close" | "wrong";

/** Why the verdict is what it is, for the feedback line ("Counted right: inflection"). */
export type GradeReason = "exact" | "inflection" | "synonym" | "typo" | "slip" | "partial" | "extra" | "negation" | "empty" | "different";

/** Expected word (normalised, e.g. "stage") → single words that mean the same (e.g. ["phase"]). */
export type Synonyms = Readonly<Record<string, readonly string[]>>;

export interface TypedGrade {
  verdict: Verdict;
  reason: GradeReason;
  /** Damerau–Levenshtein distance (code points) between the normalised typed text and the best-matching accepted answer. */
  distance: number;
  /** The canonical expected answer, as given (for display). */
  expected: string;
  /** The accepted answer (expected or one of the alternatives) that matched best, as given. */
  matched: string;
  typedNormalized: string;
}

/**
 * How many slips a word may have, by its length (normalised letters):
 *
 * | word length | counted right | Close (learner decides) |
 * |-------------|---------------|-------------------------|
 * | 1–2         | —             | —                       |
 * | 3–4         | —             | 1 edit                  |
 * | 5–7         | 1 edit        | —                       |
 * | ≥ 8         | 1 edit        | 2 edits                 |
 *
 * Short words get no tolerance: one edit of "RLHF", "PPO" or "KL" is a quarter
 * to a half of the word and often another concept ("DPO"). From 5 letters a
 * single slip ("alignmnet", "sycophnacy") still names one word only, and the
 * fact tested is the concept, not its spelling — the diff shows the slip.
 */
export const GRADE_THRESHOLDS = {
  noTypoMaxLength: 2,
  slipOnlyMaxLength: 4,
  twoEditsMinLength: 8,
} as const;

type Level = 0 | 1 | 2 | 3; // 0 no match, 1 close-level slip, 2 forgiven (typo/synonym/inflection), 3 exact
type WordMatch = { level: Level; reason: GradeReason };

function wordMatch(t: Token, e: Token, synonyms: Synonyms): WordMatch {
  if (t.norm === e.norm) return { level: 3, reason: "exact" };
  if (t.stem === e.stem) return { level: 2, reason: "inflection" };
  const syn = synonyms[e.norm] ?? synonyms[e.stem];
  if (syn?.some((s) => stemWord(normalizeAnswer(s)) === t.stem)) return { level: 2, reason: "synonym" };
  const len = codePoints(e.norm).length;
  const T = GRADE_THRESHOLDS;
  if (len <= T.noTypoMaxLength) return { level: 0, reason: "different" };
  const d = damerauLevenshtein(codePoints(t.norm), codePoints(e.norm));
  if (len <= T.slipOnlyMaxLength) return d === 1 ? { level: 1, reason: "slip" } : { level: 0, reason: "different" };
  if (d === 1) return { level: 2, reason: "typo" };
  if (d === 2 && len >= T.twoEditsMinLength) return { level: 1, reason: "slip" };
  return { level: 0, reason: "different" };
}

/** Grade against one accepted answer. */
function gradeOne(typed: string, accepted: string, synonyms: Synonyms): { verdict: Verdict; reason: GradeReason } {
  const tn = normalizeAnswer(typed);
  const an = normalizeAnswer(accepted);
  if (tn === "") return { verdict: "wrong", reason: "empty" };
  if (an === "")
    return typed.trim().toLowerCase() === accepted.trim().toLowerCase() ? { verdict: "correct", reason: "exact" } : { verdict: "wrong", reason: "different" };
  if (tn === an) return { verdict: "correct", reason: "exact" };

  const ts = contentTokens(typed);
  const es = contentTokens(accepted);
  if (hasNegation(ts) !== hasNegation(es)) return { verdict: "wrong", reason: "negation" };

  // Greedy best-first assignment of typed words to expected words (answers are a few words long).
  const pairs: { i: number; j: number; m: WordMatch }[] = [];
  for (const [i, t] of ts.entries()) {
    for (const [j, e] of es.entries()) {
      const m = wordMatch(t, e, synonyms);
      if (m.level > 0) pairs.push({ i, j, m });
    }
  }
  pairs.sort((a, b) => b.m.level - a.m.level || a.i - b.i || a.j - b.j);
  const usedT = new Set<number>();
  const usedE = new Set<number>();
  let weakest: WordMatch = { level: 3, reason: "exact" };
  for (const p of pairs) {
    if (usedT.has(p.i) || usedE.has(p.j)) continue;
    usedT.add(p.i);
    usedE.add(p.j);
    if (p.m.level < weakest.level || (p.m.level === weakest.level && p.m.reason !== "exact")) weakest = p.m;
  }
  const matched = usedE.size;
  const extra = ts.length - usedT.size;
  let result: { verdict: Verdict; reason: GradeReason };
  if (matched === es.length && extra === 0) {
    result = weakest.level === 1 ? { verdict: "close", reason: "slip" } : { verdict: "correct", reason: weakest.reason };
  } else if (matched === es.length) result = { verdict: "close", reason: "extra" };
  else if (matched >= 1 && matched * 2 >= es.length && extra <= matched) result = { verdict: "close", reason: "partial" };
  else result = { verdict: "wrong", reason: "different" };

  // Compounds typed differently ("RLIAF" for "RL-AIF"): the whole answer as one
  // word, at most Close — the learner decides.
  if (result.verdict === "wrong") {
    const whole = wordMatch({ raw: typed, norm: tn, stem: tn }, { raw: accepted, norm: an, stem: an }, {});
    if (whole.level > 0) result = { verdict: "close", reason: "slip" };
  }
  return result;
}

const VERDICT_RANK: Readonly<Record<Verdict, number>> = { correct: 2, close: 1, wrong: 0 };

/**
 * Grade a typed answer against the expected answer and the author's accepted
 * alternatives (the best result over all of them wins). `synonyms` are the
 * safe single-word synonyms of the answer's words (lib/lexicon, computed when
 * the card is generated and stored with it).
 */
export function gradeTyped(typed: string, expected: string, alternatives: readonly string[] = [], synonyms: Synonyms = {}): TypedGrade {
  const typedNormalized = normalizeAnswer(typed);
  let best: TypedGrade | null = null;
  for (const candidate of [expected, ...alternatives]) {
    const { verdict, reason } = gradeOne(typed, candidate, synonyms);
    const distance = damerauLevenshtein(codePoints(typedNormalized), codePoints(normalizeAnswer(candidate)));
    if (
      best === null ||
      VERDICT_RANK[verdict] > VERDICT_RANK[best.verdict] ||
      (VERDICT_RANK[verdict] === VERDICT_RANK[best.verdict] && distance < best.distance)
    ) {
      best = { verdict, reason, distance, expected, matched: candidate, typedNormalized };
    }
  }
  return best ?? { verdict: "wrong", reason: "empty", distance: 0, expected, matched: expected, typedNormalized };
}

/** Scheduler rating on the FSRS/Anki scale: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type SchedulerRating = 1 | 2 | 3 | 4;

/**
 * Suggested rating after a typed answer, or null when the learner must decide:
 *   - correct → 3 Good (the text says nothing about effort, so never Easy);
 *   - close → null: the expected answer is shown and the learner chooses
 *     between "I was right" (counted Good, logged as an override) and Again;
 *   - wrong → 1 Again.
 */
export function suggestRating(verdict: Verdict): SchedulerRating | null {
  return verdict === "correct" ? 3 : verdict === "close" ? null : 1;
}
