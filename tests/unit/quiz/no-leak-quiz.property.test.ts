// Issue 11: no question of a quiz shows another question's answer — over 1,200
// seeded quizzes of every topic and length, of every deck (content/ and the
// fixtures), checked by an independent reading of "shows": a recall (cloze)
// answer may appear nowhere else; a multiple-choice answer nowhere but among
// other options. And every quiz is as long as asked, or as long as the topic
// allows: then it says so (`maximal`), and no larger set of the topic's
// questions avoids the conflicts (an exhaustive search written here, apart
// from lib/quiz/select.ts).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listDeckDirs } from "../../../lib/content/load-deck";
import { commonStems, distinctiveStems, leakedWords, textStems } from "../../../lib/generate/leak";
import { buildQuiz, type AnswerKey, type PresentedQuestion, type QuizQuestion } from "../../../lib/quiz";
import { leaksBetween, poolCommonStems, visibleText } from "../../../lib/quiz/leaks";
import { deckPool } from "../../helpers/deck-pool";

const DECKS = [...listDeckDirs(path.resolve("content")), ...listDeckDirs(path.resolve("tests/fixtures/content"))];
const TOPICS = ["vocabulary", "takeaways", "pipeline", "all"] as const;
const LENGTHS = [5, 10, 20] as const;
const SEEDS = 50;

/** What a presented question shows, from the client's side (no answer key). */
function shown(q: PresentedQuestion): { prompt: string; options: string[]; rest: string[] } {
  if (q.type === "multiple-choice") return { prompt: q.prompt, options: q.options, rest: [] };
  if (q.type === "order") return { prompt: q.prompt, options: [], rest: q.items };
  if (q.type === "match") return { prompt: q.prompt, options: [], rest: [...q.left, ...q.right] };
  return { prompt: q.prompt, options: [], rest: [] };
}
const memo = new Map<string, Set<string>>();
const stemsOfText = (t: string) => {
  let s = memo.get(t);
  if (!s) memo.set(t, (s = textStems(t)));
  return s;
};
/**
 * The most questions of `pool` that can be asked together: one format per id,
 * no two that leaks.ts says conflict. Exact: branches on a vertex of highest
 * degree (take it, or leave it out), memoised on the remaining set.
 */
function maximumQuiz(pool: readonly QuizQuestion[]): number {
  const common = poolCommonStems(pool.filter((q) => !q.alternate));
  const n = pool.length;
  const adj = pool.map((a, i) => pool.map((b, j) => i !== j && (a.id === b.id || leaksBetween(a, b, common))));
  const memo = new Map<string, number>();
  const best = (left: readonly number[]): number => {
    if (left.length === 0) return 0;
    const key = left.join(",");
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const degree = (v: number) => left.filter((u) => adj[v]![u]).length;
    const v = left.reduce((m, u) => (degree(u) > degree(m) ? u : m), left[0]!);
    const result = degree(v) === 0 ? left.length : Math.max(best(left.filter((u) => u !== v)), 1 + best(left.filter((u) => u !== v && !adj[v]![u])));
    memo.set(key, result);
    return result;
  };
  return best(Array.from({ length: n }, (_, i) => i));
}

const answerOf = (k: AnswerKey) => (k.type === "cloze" || k.type === "multiple-choice" ? k.answer : null);

describe("quiz assembly never gives one question's answer away in another", { timeout: 120_000 }, () => {
  it("has decks to test", () => expect(DECKS.length).toBeGreaterThanOrEqual(2));

  for (const dir of DECKS) {
    it(`${path.basename(dir)}: ${TOPICS.length * LENGTHS.length * SEEDS} seeded quizzes`, () => {
      let quizzes = 0;
      let pairs = 0;
      let short = 0;
      for (let seed = 0; seed < SEEDS; seed++) {
        const pool: QuizQuestion[] = deckPool(dir, seed);
        const maxOf = new Map<string, number>();
        for (const topic of TOPICS) {
          // Words common to the questions of the topic (as first asked, not their alternate formats) say nothing about an answer (as in lib/quiz).
          const common = commonStems(pool.filter((q) => (topic === "all" || q.topic === topic) && !q.alternate).map(visibleText));
          for (const length of LENGTHS) {
            const quiz = buildQuiz({ pool, topic, length, seed: seed * 97 + length });
            quizzes++;
            if (quiz.questions.length < length) {
              short++;
              const max = maxOf.get(topic) ?? maximumQuiz(pool.filter((q) => topic === "all" || q.topic === topic));
              maxOf.set(topic, max);
              expect(quiz.maximal, `${topic}/${length}/${seed}: short quizzes say whether they are as long as the topic allows`).toBe(true);
              expect(quiz.questions.length, `${topic}/${length}/${seed}: the topic allows ${max}`).toBe(max);
            } else expect(quiz.questions.length).toBe(length);
            expect(quiz.shortBy).toBe(length - quiz.questions.length);
            for (const q of quiz.questions) {
              const key = quiz.answerKey[q.id]!;
              const answer = answerOf(key);
              if (answer === null) continue;
              for (const other of quiz.questions) {
                if (other.id === q.id) continue;
                const s = shown(other);
                const places = key.type === "multiple-choice" && other.type === "multiple-choice" ? [s.prompt] : [s.prompt, ...s.options, ...s.rest];
                pairs++;
                const leak = leakedWords(stemsOfText(places.join("\n")), distinctiveStems(answer, common), common);
                expect(leak, `${q.id} (${answer}) shown by ${other.id}: ${places.join(" | ").slice(0, 160)}`).toEqual([]);
              }
            }
          }
        }
      }
      expect(quizzes).toBe(TOPICS.length * LENGTHS.length * SEEDS);
      expect(pairs).toBeGreaterThan(0);
      console.log(`${path.basename(dir)}: ${quizzes} quizzes, ${short} as long as their topic allows but shorter than asked`);
    });
  }
});
