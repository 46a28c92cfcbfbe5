"use client";
// The end of a quiz: score, time, score per topic, the missed questions with
// their answers, and "Retry the missed ones".
import { useEffect, useRef } from "react";
import type { QuizSummary } from "./api";
import { AnswerText, SourceQuote } from "./feedback";
import { TOPIC_LABELS, formatDuration } from "./labels";

export function SummaryView({
  summary: s,
  busy,
  error,
  onRetry,
  onNew,
}: {
  summary: QuizSummary;
  busy: boolean;
  error: string | null;
  onRetry: (() => void) | null;
  onNew: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const pct = s.score.total > 0 ? Math.round((s.score.correct / s.score.total) * 100) : 0;
  return (
    <section aria-labelledby="quiz-summary-heading" className="space-y-6" data-testid="quiz-summary">
      <h1 id="quiz-summary-heading" ref={heading} tabIndex={-1} className="text-2xl font-semibold outline-none">
        Quiz results
      </h1>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
        <div className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
          <dt className="text-sm text-stone-600 dark:text-stone-400">Score</dt>
          <dd className="text-3xl font-semibold" data-testid="quiz-score">
            {s.score.correct} / {s.score.total}
          </dd>
          <dd className="text-sm text-stone-500">{pct}%</dd>
        </div>
        <div className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
          <dt className="text-sm text-stone-600 dark:text-stone-400">Time answering</dt>
          <dd className="text-3xl font-semibold" data-testid="quiz-time">
            {formatDuration(s.timeMs)}
          </dd>
          <dd className="text-sm text-stone-500">{s.score.answered > 0 ? `${Math.round(s.timeMs / s.score.answered / 1000)} s a question` : ""}</dd>
        </div>
        <div className="col-span-2 rounded-xl border border-stone-200 bg-white p-4 sm:col-span-1 dark:border-stone-800 dark:bg-stone-900">
          <dt className="text-sm text-stone-600 dark:text-stone-400">By topic</dt>
          {Object.entries(s.byTopic).map(([topic, t]) => (
            <dd key={topic} className="flex justify-between gap-2" data-testid="quiz-topic-score">
              <span>{TOPIC_LABELS[topic as keyof typeof TOPIC_LABELS] ?? topic}</span>
              <span className="font-medium">
                {t.correct} / {t.total}
              </span>
            </dd>
          ))}
        </div>
      </dl>
      {s.score.answered < s.score.total && <p className="text-sm text-stone-600">{s.score.total - s.score.answered} question(s) were not answered.</p>}

      {error && (
        <p
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        {onRetry && (
          <button
            type="button"
            onClick={onRetry}
            disabled={busy}
            className="rounded-lg bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60 dark:bg-red-500 dark:text-stone-950"
          >
            Retry the missed ones ({s.missed.length})
          </button>
        )}
        <button type="button" onClick={onNew} className="rounded-lg border border-stone-300 px-4 py-2 font-medium hover:border-stone-500 dark:border-stone-700">
          New quiz
        </button>
      </div>

      <section aria-labelledby="quiz-missed-heading">
        <h2 id="quiz-missed-heading" className="mb-3 text-lg font-semibold">
          {s.missed.length === 0 ? "Nothing missed" : `Missed (${s.missed.length})`}
        </h2>
        {s.missed.length === 0 ? (
          <p className="text-stone-600 dark:text-stone-400">Every answer was right.</p>
        ) : (
          <ol className="space-y-4">
            {s.missed.map((m) => {
              const ordered = m.type === "order";
              return (
                <li
                  key={m.questionId}
                  className="space-y-2 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
                  data-testid="quiz-missed"
                >
                  <p className="font-medium">{m.prompt}</p>
                  <div className="grid gap-3 text-sm sm:grid-cols-2">
                    <div>
                      <h3 className="text-stone-600 dark:text-stone-400">Correct answer</h3>
                      <div className="font-medium text-emerald-800 dark:text-emerald-300">
                        <AnswerText value={m.correctAnswer} ordered={ordered} />
                      </div>
                    </div>
                    <div>
                      <h3 className="text-stone-600 dark:text-stone-400">Your answer</h3>
                      <div className="text-red-800 dark:text-red-300">
                        <AnswerText value={m.given} ordered={ordered} against={ordered ? m.correctAnswer : undefined} />
                      </div>
                    </div>
                  </div>
                  {m.explanation && <p className="text-sm">{m.explanation}</p>}
                  <SourceQuote source={m.source} />
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </section>
  );
}
