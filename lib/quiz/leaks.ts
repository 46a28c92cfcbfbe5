// No question of a quiz may show another question's answer (issue 11): the
// answer of a cloze or a multiple-choice question must not appear — as such or
// as a morphological variant — in the prompt, options, items or match pairs of
// any other question of the same quiz. Pure.
import { commonStems, leakedWords } from "../generate/leak";
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

/** Does `a` show an answer of `b`, or `b` one of `a`? */
export function leaksBetween(a: QuizQuestion, b: QuizQuestion, common: ReadonlySet<string>): boolean {
  const shows = (x: QuizQuestion, y: QuizQuestion) => answerTexts(y).some((ans) => leakedWords(exposedTo(x, y), ans, common).length > 0);
  return shows(a, b) || shows(b, a);
}

/** Stems common to the pool (too frequent to give anything away). */
export function poolCommonStems(pool: readonly QuizQuestion[]): Set<string> {
  return commonStems(pool.map(visibleText));
}
