import { damerauLevenshtein } from "./distance";
import { codePoints, normalizeAnswer } from "./normalize";

export type Verdict = "correct" | "close" | "wrong";

export interface TypedGrade {
  verdict: Verdict;
  /** Damerau–Levenshtein distance (in code points) between the normalised typed
   * text and the best-matching normalised answer. */
  distance: number;
  /** The canonical expected answer, as given (for display). */
  expected: string;
  /** The accepted answer (expected or one of the alternatives) that matched best, as given. */
  matched: string;
  typedNormalized: string;
}

/**
 * Grading thresholds. Lengths are of the *normalised* accepted answer, in code
 * points (so "RL-AIF" has length 5).
 *
 * | rule                                   | condition                               | verdict |
 * |----------------------------------------|-----------------------------------------|---------|
 * | exact                                  | normalised equal                        | correct |
 * | one typo                               | distance 1 and length ≥ 5               | correct |
 * | short-answer typo                      | distance 1 and 3 ≤ length < 5           | close   |
 * | two typos on a long answer             | distance 2 and length ≥ 8               | close   |
 * | partial / over-long answer             | one contains the other, overlap ≥ 60 %  | close   |
 * | anything else, or empty input          |                                         | wrong   |
 *
 * Why short answers must be exact: in a 2–4 character answer a single edit
 * changes 25–50 % of the word, and short answers are typically acronyms where
 * one letter *is* the meaning — "RLHF"/"RHLF" is a typo but "PPO"/"DPO",
 * "SFT"/"RFT" or "KL"/"KD" are different concepts at distance 1. We cannot
 * tell a slip from a confusion, so we report those as "close" (the user sees
 * the diff and can self-grade) but never mark them correct. From 5 characters
 * on, one slip rarely lands on another valid term, so it is forgiven.
 *
 * "Overlap" for containment is len(shorter) / len(longer), e.g. typing
 * "reward model" for "reward modeling" (11/14 ≈ 79 %) is close.
 */
export const GRADE_THRESHOLDS = {
  typoCorrectMinLength: 5,
  shortTypoCloseMinLength: 3,
  twoTyposCloseMinLength: 8,
  containmentMinOverlap: 0.6,
} as const;

const VERDICT_RANK: Readonly<Record<Verdict, number>> = { correct: 2, close: 1, wrong: 0 };

function verdictFor(typedNorm: string, answerNorm: string, distance: number): Verdict {
  const len = codePoints(answerNorm).length;
  const T = GRADE_THRESHOLDS;
  if (distance === 0) return "correct";
  if (distance === 1 && len >= T.typoCorrectMinLength) return "correct";
  if (distance === 1 && len >= T.shortTypoCloseMinLength) return "close";
  if (distance === 2 && len >= T.twoTyposCloseMinLength) return "close";
  const typedLen = codePoints(typedNorm).length;
  const [shorter, longer] = typedLen <= len ? [typedNorm, answerNorm] : [answerNorm, typedNorm];
  if (longer.includes(shorter)) {
    const overlap = Math.min(typedLen, len) / Math.max(typedLen, len);
    if (overlap >= T.containmentMinOverlap) return "close";
  }
  return "wrong";
}

/**
 * Grade a typed answer against the expected answer and optional accepted
 * alternatives (the best result over all accepted answers wins).
 */
export function gradeTyped(typed: string, expected: string, alternatives: readonly string[] = []): TypedGrade {
  const typedNormalized = normalizeAnswer(typed);
  const candidates = [expected, ...alternatives];

  let best: TypedGrade | null = null;
  for (const candidate of candidates) {
    const answerNorm = normalizeAnswer(candidate);
    let verdict: Verdict;
    let distance: number;
    if (typedNormalized === "") {
      // Empty (or punctuation-only) input is always wrong.
      verdict = "wrong";
      distance = codePoints(answerNorm).length;
    } else if (answerNorm === "") {
      // Degenerate answer with no letters/digits (e.g. "?"): require the raw text.
      const same = typed.trim().toLowerCase() === candidate.trim().toLowerCase();
      verdict = same ? "correct" : "wrong";
      distance = same ? 0 : codePoints(typedNormalized).length;
    } else {
      distance = damerauLevenshtein(codePoints(typedNormalized), codePoints(answerNorm));
      verdict = verdictFor(typedNormalized, answerNorm, distance);
    }
    if (
      best === null ||
      VERDICT_RANK[verdict] > VERDICT_RANK[best.verdict] ||
      (VERDICT_RANK[verdict] === VERDICT_RANK[best.verdict] && distance < best.distance)
    ) {
      best = { verdict, distance, expected, matched: candidate, typedNormalized };
    }
  }
  // candidates always contains `expected`, so best is set.
  return best ?? { verdict: "wrong", distance: 0, expected, matched: expected, typedNormalized };
}

/** Scheduler rating on the FSRS/Anki scale: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type SchedulerRating = 1 | 2 | 3 | 4;

/**
 * Suggested self-grade after a typed answer (a suggestion only — the user
 * still chooses):
 *   - correct (including a forgiven one-character typo) → 3 Good. We do not
 *     suggest Easy: the text alone says nothing about effort.
 *   - close → 1 Again. "Close" means the answer was *not* produced correctly
 *     (a partial answer, a short-acronym slip, two typos). Anki/FSRS treat
 *     Hard as a *pass*; using it for failures inflates stability, which is the
 *     most common Anki misuse. A user who judges it a pure slip can override.
 *   - wrong → 1 Again.
 */
export function suggestRating(verdict: Verdict): SchedulerRating {
  return verdict === "correct" ? 3 : 1;
}
