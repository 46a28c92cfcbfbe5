"use client";
// Immediate feedback on one answer: right or wrong, the correct answer, the
// explanation, the source quote, and what the answer did to the card's schedule.
import { useEffect, useRef } from "react";
import type { QuizFeedback } from "./api";
import { FlagButton } from "@/app/components/flag-button";
import type { QuestionType } from "@/lib/quiz/types";
import { ratingLabel } from "@/lib/srs/ratings";
import { Evidence } from "@/app/components/evidence";
import { scheduleText } from "./labels";

/**
 * An answer as text or a list. With `against` (the correct list), each item
 * that matches the correct one at the same place gets a ✓, the others a ✗.
 */
export function AnswerText({ value, ordered, against }: { value: string | string[]; ordered?: boolean; against?: string | string[] }) {
  if (!Array.isArray(value)) return <span>{value === "" ? "—" : value}</span>;
  if (value.length === 0) return <span>—</span>;
  const List = ordered ? "ol" : "ul";
  return (
    <List className={`${ordered ? "list-decimal" : "list-disc"} space-y-0.5 pl-5`}>
      {value.map((v, i) => {
        const mark = Array.isArray(against) ? (against[i] === v ? "✓" : "✗") : null;
        return (
          <li key={i} className={mark === "✓" ? "text-stone-700 dark:text-stone-300" : undefined}>
            {v}
            {mark && (
              <span className="ml-1">
                <span aria-hidden="true">{mark}</span>
                <span className="sr-only">{mark === "✓" ? "in the right place" : "misplaced"}</span>
              </span>
            )}
          </li>
        );
      })}
    </List>
  );
}

export function SourceQuote({ source }: { source: QuizFeedback["source"] }) {
  return <Evidence source={source} quoteTestId="quiz-source-quote" />;
}

export function FeedbackPanel({
  type,
  feedback: f,
  last,
  busy,
  onNext,
  onOverride,
  onUndoTarget,
}: {
  type: QuestionType;
  feedback: QuizFeedback;
  last: boolean;
  busy: boolean;
  onNext: () => void;
  onOverride?: () => void;
  /** A flag sent from here is the session's newest action. */
  onUndoTarget?: (t: { id: number; kind: string; label: string } | null) => void;
}) {
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => next.current?.focus(), []);
  const ordered = type === "order";
  // Choice and match questions mark the right answer in place, above.
  const showAnswers = !f.correct && (type === "cloze" || type === "order");
  return (
    <section
      aria-live="polite"
      data-testid="quiz-feedback"
      data-correct={f.correct ? "true" : "false"}
      className={`space-y-3 rounded-xl border p-5 ${
        f.correct
          ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/30"
          : "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/30"
      }`}
    >
      <h2 className={`text-lg font-semibold ${f.correct ? "text-emerald-800 dark:text-emerald-300" : "text-red-800 dark:text-red-300"}`}>
        {f.overridden ? "Counted right — your call" : f.correct ? "Right" : f.verdict === "close" ? "Close — you decide" : "Not quite"}
        {f.score && f.score.total > 0 && !f.correct && (
          <span className="ml-2 text-sm font-normal">
            ({f.score.right} of {f.score.total} {type === "match" ? "pairs right" : "in place"})
          </span>
        )}
      </h2>
      {!f.correct && (type === "multiple-choice" || type === "true-false") && (
        <p>
          <span className="text-sm text-stone-600 dark:text-stone-400">The answer is </span>
          <strong data-testid="quiz-correct-answer">{f.correctAnswer}</strong>
        </p>
      )}
      {showAnswers && (
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <h3 className="text-sm font-medium text-stone-600 dark:text-stone-400">Correct answer</h3>
            <div className="font-medium" data-testid="quiz-correct-answer">
              <AnswerText value={f.correctAnswer} ordered={ordered} />
            </div>
          </div>
          <div>
            <h3 className="text-sm font-medium text-stone-600 dark:text-stone-400">Your answer</h3>
            <AnswerText value={f.given} ordered={ordered} against={ordered ? f.correctAnswer : undefined} />
          </div>
        </div>
      )}
      {f.correct && typeof f.correctAnswer === "string" && f.verdict === "correct" && (
        <p>
          <span className="text-sm text-stone-600 dark:text-stone-400">Answer: </span>
          <span className="font-medium">{f.correctAnswer}</span>
        </p>
      )}
      {!f.correct && f.verdict === "close" && onOverride && (
        <div className="flex flex-wrap items-center gap-3" data-testid="close-decision">
          <span className="text-sm text-stone-700 dark:text-stone-300">Same meaning as the expected answer?</span>
          <button
            type="button"
            onClick={onOverride}
            disabled={busy}
            data-testid="override"
            className="rounded-lg bg-amber-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-600 disabled:opacity-60"
          >
            I was right
          </button>
        </div>
      )}
      {f.explanation && <p data-testid="quiz-explanation">{f.explanation}</p>}
      <SourceQuote source={f.source} />
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {f.card ? (
          <>
            Counted as <strong>{ratingLabel(f.rating)}</strong>. <span data-testid="quiz-schedule">{scheduleText(f.card)}</span>
          </>
        ) : (
          <>Match questions count for the quiz score only.</>
        )}
      </p>
      <div className="flex items-center gap-3">
        <button
          ref={next}
          type="button"
          onClick={onNext}
          disabled={busy}
          data-testid="quiz-next"
          className="rounded-lg bg-stone-900 px-4 py-2 font-medium text-white hover:bg-stone-700 disabled:opacity-60 dark:bg-stone-100 dark:text-stone-900"
        >
          {last ? "See results" : "Next question"}
        </button>
        <span className="text-sm text-stone-500">Enter to continue</span>
        {f.card && <FlagButton cardId={f.card.id} className="ml-auto" onUndoTarget={onUndoTarget} />}
      </div>
    </section>
  );
}
