// /quiz — choose a deck, a topic and a length, then answer one question at a
// time. ?deck=&topic=&length=&seed= pre-fill the form (seed fixes the quiz);
// ?cards=1,2,3 asks exactly those cards (the Progress page's "Quiz it").
import { listDecks } from "@/lib/db/decks";
import { unfinishedQuizzes } from "@/lib/services/quiz";
import { RATING_THRESHOLDS } from "@/lib/quiz/rating";
import { QUESTION_TYPES, TOPIC_FILTERS } from "@/lib/quiz/types";
import type { TopicFilter } from "@/lib/quiz/types";
import { QuizApp, type QuizSetup } from "./quiz-app";
import { TYPE_LABELS } from "./labels";

export const dynamic = "force-dynamic";
export const metadata = { title: "Quiz · Cardinal" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function QuizPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const decks = (await listDecks()).map((d) => ({ key: d.key, title: d.title }));
  const deck = one(sp.deck);
  const topic = one(sp.topic);
  const length = Number(one(sp.length));
  const seedText = one(sp.seed);
  const cardsText = one(sp.cards);
  const cardIds = cardsText !== undefined && /^\d{1,9}(,\d{1,9}){0,19}$/.test(cardsText) ? [...new Set(cardsText.split(",").map(Number))] : undefined;
  const seed = seedText !== undefined && /^\d{1,10}$/.test(seedText) && Number(seedText) <= 2_147_483_647 ? Number(seedText) : undefined;
  const initial: QuizSetup = {
    deck: decks.find((d) => d.key === deck)?.key ?? decks[0]?.key ?? "",
    topic: (TOPIC_FILTERS as readonly string[]).includes(topic ?? "") ? (topic as TopicFilter) : "all",
    length: length === 5 || length === 20 ? length : 10,
    ...(seed !== undefined ? { seed } : {}),
    ...(cardIds !== undefined ? { cardIds } : {}),
  };
  const prefilled = deck !== undefined && topic !== undefined;
  const resumeId = one(sp.quiz);
  return (
    <div className="space-y-10">
      <QuizApp
        decks={decks}
        initial={initial}
        autoFocusStart={prefilled && !resumeId}
        unfinished={resumeId ? [] : unfinishedQuizzes()}
        {...(resumeId ? { resumeId } : {})}
      />
      <details className="text-sm text-stone-600 dark:text-stone-400">
        <summary className="cursor-pointer font-medium">How answers count</summary>
        <div className="mt-3 space-y-3">
          <p>
            Every answer is also a review of its card, logged with source “quiz”: a wrong answer counts as <strong>Again</strong>; a right one as{" "}
            <strong>Good</strong> — or <strong>Easy</strong> when it was fast and <strong>Hard</strong> when it took long, by these times from showing the
            question to checking the answer. Quizzes are practice: they never push a card back. A due card answered right is scheduled with that rating; a card
            that is not due keeps its schedule; a wrong answer makes the card due now for the review page; a new card becomes a learning card there, outside
            your daily new-card limit. Match questions count for the quiz score only.
          </p>
          <table className="text-left">
            <thead>
              <tr>
                <th className="pr-6 font-medium">Question</th>
                <th className="pr-6 font-medium">Easy if within</th>
                <th className="font-medium">Hard from</th>
              </tr>
            </thead>
            <tbody>
              {QUESTION_TYPES.filter((t) => t !== "match").map((t) => (
                <tr key={t}>
                  <td className="pr-6">{TYPE_LABELS[t]}</td>
                  <td className="pr-6">{RATING_THRESHOLDS[t].fastMs / 1000} s</td>
                  <td>{RATING_THRESHOLDS[t].slowMs / 1000} s</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>Keys: 1–4 or A–D pick an option, Enter checks the answer and then continues; in ordering questions Alt+↑/↓ moves the focused item.</p>
        </div>
      </details>
    </div>
  );
}
