// No question of a quiz may show another question's answer (issue 11): the
// answer of a cloze or a multiple-choice question must not appear — as such or
// as a morphological variant — in the prompt, options, items or match pairs of
// any other question of the same quiz. Pure.
import { commonStems, distinctiveStems, leakedWords, textStems } from "../generate/leak";
import type { QuizQuestion } from "./types";

/** Everything a question shows before it is answered. */
export function visibleText(q: QuizQuestion): string {
  switch (q.type) {
    case "multiple-choice":
      return [q.prompt, ...q.options].join("\n");
    case "order":
      return [q.prompt, ...q.items].join("\n");
    case "match":
      return [q.prompt, ...q.pairs.flatMap((p) => [p.left, p.right])].join("\n");
    default:
      return q.prompt;
  }
}

/** The texts a question asks for (true/false, order and match ask for a judgement or an arrangement, not a text). */
export function answerTexts(q: QuizQuestion): string[] {
  if (q.type === "cloze" || q.type === "multiple-choice") return [q.answer];
  return [];
}

/**
 * What of `x` may not contain `y`'s answer. A typed (cloze) answer may appear
 * nowhere. A multiple-choice answer is shown among its own options anyway, so
 * it may be one option among others elsewhere — but never in another prompt,
 * order item or match pair, where it would be tied to what it answers.
 */
function exposedTo(x: QuizQuestion, y: QuizQuestion): string {
  if (y.type === "multiple-choice" && x.type === "multiple-choice") return x.prompt;
  return visibleText(x);
}

// Stems are computed once per question and text (quiz assembly compares many pairs).
const stemCache = new WeakMap<QuizQuestion, Map<string, Set<string>>>();
function stemsOf(q: QuizQuestion, text: string): Set<string> {
  let m = stemCache.get(q);
  if (!m) stemCache.set(q, (m = new Map()));
  let s = m.get(text);
  if (!s) m.set(text, (s = textStems(text)));
  return s;
}
const answerCache = new WeakMap<QuizQuestion, { common: ReadonlySet<string>; stems: string[][] }>();
function answerStems(q: QuizQuestion, common: ReadonlySet<string>): string[][] {
  const hit = answerCache.get(q);
  if (hit && hit.common === common) return hit.stems;
  const stems = answerTexts(q).map((a) => distinctiveStems(a, common));
  answerCache.set(q, { common, stems });
  return stems;
}

/** Does `a` show an answer of `b`, or `b` one of `a`? */
export function leaksBetween(a: QuizQuestion, b: QuizQuestion, common: ReadonlySet<string>): boolean {
  const shows = (x: QuizQuestion, y: QuizQuestion) => answerStems(y, common).some((ans) => leakedWords(stemsOf(x, exposedTo(x, y)), ans, common).length > 0);
  return shows(a, b) || shows(b, a);
}

/** Stems common to the pool (too frequent to give anything away). */
export function poolCommonStems(pool: readonly QuizQuestion[]): Set<string> {
  return commonStems(pool.map(visibleText));
}
