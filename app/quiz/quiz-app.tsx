"use client";
// The quiz screen: set-up form → one question at a time with immediate
// feedback → summary. All grading, scheduling and scoring happens in the API;
// this component only collects answers and shows what comes back.
import { useCallback, useEffect, useRef, useState } from "react";
import { answerQuestion, createQuiz, endQuiz, getProgress, getSummary, listUnfinished } from "./api";
import type { CreatedQuiz, CreateQuizRequest, PresentedQuestion, QuizFeedback, QuizSummary, TopicFilter, UnfinishedQuiz } from "./api";
import { ChoiceView, ClozeView, MatchView, OrderView, Prompt } from "./question-views";
import { FeedbackPanel } from "./feedback";
import { SummaryView } from "./summary";
import { TOPIC_LABELS, TYPE_LABELS } from "./labels";
import { MAX_DURATION_MS } from "@/lib/srs/limits";
import { QUIZ_LENGTHS } from "@/lib/quiz/types";
import { api as studyApi, studySessionId, type UndoTarget } from "@/app/review/api";

export type DeckOption = { key: string; title: string };
/** cardIds: ask exactly these cards (through the API's questionIds), e.g. one weak item's from /progress. */
export type QuizSetup = { deck: string; topic: TopicFilter; length: 5 | 10 | 20; seed?: number; cardIds?: number[] };

type Draft = number | null | string | string[] | Record<string, string>;
type Phase =
  | { name: "setup" }
  | { name: "question"; quiz: CreatedQuiz; index: number }
  | { name: "feedback"; quiz: CreatedQuiz; index: number; feedback: QuizFeedback }
  | { name: "summary"; quiz: CreatedQuiz; summary: QuizSummary };

function initialDraft(q: PresentedQuestion): Draft {
  switch (q.type) {
    case "multiple-choice":
    case "true-false":
      return null;
    case "cloze":
      return "";
    case "order":
      return q.items.slice();
    case "match":
      return {};
  }
}

/** Why the draft cannot be sent yet, or null. */
function notReady(q: PresentedQuestion, d: Draft): string | null {
  switch (q.type) {
    case "multiple-choice":
    case "true-false":
      return typeof d === "number" ? null : "Pick an option first (1–4 or A–D).";
    case "cloze":
      return typeof d === "string" && d.trim() !== "" ? null : "Type your answer first.";
    case "order":
      return null;
    case "match": {
      const m = (d ?? {}) as Record<string, string>;
      return q.right.every((r) => m[r]) ? null : "Choose a term for every definition first.";
    }
  }
}

/** The draft in the API's answer format. */
function toAnswer(q: PresentedQuestion, d: Draft): unknown {
  if (q.type === "match") return Object.fromEntries(Object.entries((d ?? {}) as Record<string, string>).map(([definition, term]) => [term, definition]));
  return d;
}

const isTyping = (el: Element | null) =>
  el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && el.type !== "radio" && el.type !== "checkbox");

/** The quiz being taken lives in the URL (?quiz=<id>), so a reload continues it; the server has its state. */
function setQuizInUrl(id: string | null) {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set("quiz", id);
  else url.searchParams.delete("quiz");
  window.history.replaceState(null, "", url);
}

export function QuizApp({
  decks,
  initial,
  autoFocusStart,
  unfinished: initialUnfinished = [],
  resumeId,
}: {
  decks: DeckOption[];
  initial: QuizSetup;
  autoFocusStart: boolean;
  unfinished?: UnfinishedQuiz[];
  resumeId?: string;
}) {
  const [unfinished, setUnfinished] = useState(initialUnfinished);
  const [resuming, setResuming] = useState(Boolean(resumeId));
  const [setup, setSetup] = useState<QuizSetup>(initial);
  const [phase, setPhase] = useState<Phase>({ name: "setup" });
  const [draft, setDraft] = useState<Draft>(null);
  const [error, setError] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tally, setTally] = useState({ right: 0, answered: 0 });
  // This tab's study session (shared with the review page): U undoes its newest action, e.g. the last answer.
  const [undoTarget, setUndoTarget] = useState<UndoTarget | null>(null);
  const [undoNotice, setUndoNotice] = useState<string | null>(null);
  const busyRef = useRef(false);
  const startedAt = useRef(0);
  const questionRef = useRef<HTMLDivElement>(null);

  const current = phase.name === "question" || phase.name === "feedback" ? phase.quiz.questions[phase.index] : undefined;

  const begin = useCallback(async (req: CreateQuizRequest) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    const r = await createQuiz(req);
    busyRef.current = false;
    setBusy(false);
    if (!r.ok) return setError(r.error);
    const first = r.data.questions[0];
    if (!first) {
      setPhase({ name: "setup" });
      return setError(r.data.notice ? `No quiz: ${r.data.notice}.` : "No questions to ask.");
    }
    setTally({ right: 0, answered: 0 });
    setDraft(initialDraft(first));
    setHint(null);
    setQuizInUrl(r.data.id);
    setPhase({ name: "question", quiz: r.data, index: 0 });
  }, []);

  /** Continues a quiz at its next unanswered question (or shows its summary when all are answered). */
  const resume = useCallback(async (id: string) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    const p = await getProgress(id);
    const s = p.ok && p.data.nextIndex >= p.data.quiz.questions.length ? await getSummary(id) : null;
    busyRef.current = false;
    setBusy(false);
    if (!p.ok) {
      setQuizInUrl(null);
      return setError(`Could not resume that quiz: ${p.error}`);
    }
    setTally({ right: p.data.right, answered: p.data.answered });
    setQuizInUrl(id);
    if (s?.ok) return setPhase({ name: "summary", quiz: p.data.quiz, summary: s.data });
    const q = p.data.quiz.questions[p.data.nextIndex];
    if (!q) return setError("That quiz has no questions left.");
    setDraft(initialDraft(q));
    setHint(null);
    setPhase({ name: "question", quiz: p.data.quiz, index: p.data.nextIndex });
  }, []);

  const end = useCallback(async (id: string) => {
    const r = await endQuiz(id);
    if (!r.ok) return setError(r.error);
    const l = await listUnfinished();
    if (l.ok) setUnfinished(l.data.unfinished);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: resumes the quiz named in the URL once, on mount
  useEffect(() => {
    if (resumeId) void resume(resumeId).finally(() => setResuming(false));
    void studyApi.undoTarget(studySessionId()).then((r) => r.ok && setUndoTarget(r.data.undo));
  }, []);

  // Each question's clock starts when it is shown; choice questions take focus
  // on their heading (cloze, order and match views focus their own controls).
  const questionKey = phase.name === "question" ? `${phase.quiz.id}:${phase.index}` : null;
  const focusHeading = current?.type === "multiple-choice" || current?.type === "true-false";
  useEffect(() => {
    if (questionKey === null) return;
    startedAt.current = performance.now();
    if (focusHeading) questionRef.current?.focus();
  }, [questionKey, focusHeading]);

  const submit = useCallback(async () => {
    if (phase.name !== "question" || !current || busyRef.current) return;
    const why = notReady(current, draft);
    if (why) return setHint(why);
    busyRef.current = true;
    setBusy(true);
    setError(null);
    const durationMs = Math.min(MAX_DURATION_MS, Math.max(0, Math.round(performance.now() - startedAt.current)));
    const r = await answerQuestion(phase.quiz.id, { questionId: current.id, answer: toAnswer(current, draft), durationMs, sessionId: studySessionId() });
    busyRef.current = false;
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setHint(null);
    setUndoNotice(null);
    setUndoTarget(r.data.undo ?? null);
    setTally((t) => ({ right: t.right + (r.data.correct ? 1 : 0), answered: t.answered + 1 }));
    setPhase({ name: "feedback", quiz: phase.quiz, index: phase.index, feedback: r.data });
  }, [phase, current, draft]);

  /** "I was right" after a Close cloze answer: the server counts it right and re-rates the card. */
  const override = useCallback(async () => {
    if (phase.name !== "feedback" || !current || busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    const r = await answerQuestion(phase.quiz.id, {
      questionId: current.id,
      answer: toAnswer(current, draft),
      durationMs: 0,
      override: true,
      sessionId: studySessionId(),
    });
    busyRef.current = false;
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setUndoTarget(r.data.undo ?? null);
    setTally((t) => ({ right: t.right + 1, answered: t.answered }));
    setPhase({ name: "feedback", quiz: phase.quiz, index: phase.index, feedback: r.data });
  }, [phase, current, draft]);

  /**
   * Undoes the session's newest action (the page names it). An undone answer
   * of this quiz reopens its question: the quiz continues there, to be
   * answered again (the card and its review log are as before the answer).
   */
  const undo = useCallback(async () => {
    if (!undoTarget || busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    const r = await studyApi.undo(studySessionId(), undoTarget.id, null);
    busyRef.current = false;
    setBusy(false);
    if (!r.ok) {
      setError(`Undo failed: ${r.error}`);
      const t = await studyApi.undoTarget(studySessionId());
      if (t.ok) setUndoTarget(t.data.undo);
      return;
    }
    setUndoTarget(r.data.undo);
    setUndoNotice(`Undid ${r.data.undone.label}.`);
    const quizId = phase.name === "setup" ? null : phase.quiz.id;
    if (quizId && r.data.quizId === quizId) await resume(quizId);
  }, [undoTarget, phase, resume]);

  const next = useCallback(async () => {
    if (phase.name !== "feedback" || busyRef.current) return;
    const following = phase.quiz.questions[phase.index + 1];
    if (following) {
      setDraft(initialDraft(following));
      setHint(null);
      setPhase({ name: "question", quiz: phase.quiz, index: phase.index + 1 });
      return;
    }
    busyRef.current = true;
    setBusy(true);
    const r = await getSummary(phase.quiz.id);
    busyRef.current = false;
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setPhase({ name: "summary", quiz: phase.quiz, summary: r.data });
  }, [phase]);

  // Keys: 1–4 / A–D pick an option; Enter checks the answer, then continues.
  const onKey = useRef<(e: KeyboardEvent) => void>(() => {});
  onKey.current = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.metaKey || e.altKey) return;
    const target = document.activeElement;
    const onButton = target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || target?.tagName === "SUMMARY";
    // U (or Ctrl+Z outside a text field) undoes, as on the review page.
    const ctrlZ = e.ctrlKey && !e.shiftKey && e.key.toLowerCase() === "z";
    if ((phase.name === "question" || phase.name === "feedback") && !isTyping(target) && ((!e.ctrlKey && e.key.toLowerCase() === "u") || ctrlZ)) {
      e.preventDefault();
      void undo();
      return;
    }
    if (e.ctrlKey) return;
    if (phase.name === "question" && current) {
      if ((current.type === "multiple-choice" || current.type === "true-false") && !isTyping(target) && !e.shiftKey) {
        const k = e.key.toLowerCase();
        let idx = -1;
        if (/^[1-9]$/.test(k)) idx = Number(k) - 1;
        else if (/^[a-d]$/.test(k)) idx = k.charCodeAt(0) - 97;
        else if (current.type === "true-false" && (k === "t" || k === "f")) idx = k === "t" ? 0 : 1;
        if (idx >= 0 && idx < current.options.length) {
          e.preventDefault();
          setDraft(idx);
          setHint(null);
          return;
        }
      }
      if (e.key === "Enter" && !onButton && !e.shiftKey) {
        e.preventDefault();
        void submit();
      }
    } else if (phase.name === "feedback" && e.key === "Enter" && !onButton) {
      e.preventDefault();
      void next();
    }
  };
  useEffect(() => {
    const h = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener("keydown", h);
    return () => window.removeEventListener("keydown", h);
  }, []);

  if (phase.name === "setup" && resuming) return <p role="status">Resuming your quiz…</p>;
  if (phase.name === "setup") {
    const chosen = setup.cardIds;
    return (
      <>
        {unfinished.length > 0 && (
          <section
            aria-labelledby="unfinished-heading"
            className="mb-8 rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/30"
            data-testid="unfinished-quizzes"
          >
            <h2 id="unfinished-heading" className="mb-2 font-medium">
              Unfinished {unfinished.length === 1 ? "quiz" : "quizzes"}
            </h2>
            <ul className="space-y-2">
              {unfinished.map((u) => (
                <li key={u.id} className="flex flex-wrap items-center gap-3 text-sm">
                  <span className="flex-1">
                    {u.deckTitle} · {TOPIC_LABELS[u.topic]} · {u.answered} of {u.total} answered
                  </span>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void resume(u.id)}
                    className="rounded-lg bg-red-700 px-3 py-1 font-medium text-white hover:bg-red-800 disabled:opacity-60 dark:bg-red-500 dark:text-stone-950"
                  >
                    Resume
                  </button>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void end(u.id)}
                    className="rounded-lg border border-stone-300 px-3 py-1 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
                  >
                    End
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {chosen && (
          <p className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950" data-testid="quiz-chosen-cards">
            This quiz asks the {chosen.length} card{chosen.length === 1 ? "" : "s"} you chose on the Progress page.{" "}
            <button type="button" className="underline" onClick={() => setSetup({ ...setup, cardIds: undefined })}>
              Quiz the whole topic instead
            </button>
          </p>
        )}
        <SetupForm
          decks={decks}
          value={setup}
          onChange={setSetup}
          busy={busy}
          error={error}
          autoFocusStart={autoFocusStart}
          onStart={() =>
            void begin({
              deck: setup.deck,
              topic: setup.topic,
              length: setup.length,
              ...(setup.seed !== undefined ? { seed: setup.seed } : {}),
              ...(chosen ? { questionIds: chosen.map((id) => `card:${id}`) } : {}),
            })
          }
        />
      </>
    );
  }

  if (phase.name === "summary") {
    const missedIds = phase.summary.missed.map((m) => m.questionId);
    return (
      <SummaryView
        summary={phase.summary}
        busy={busy}
        error={error}
        onRetry={missedIds.length > 0 ? () => void begin({ deck: phase.quiz.deck, topic: phase.quiz.topic, questionIds: missedIds }) : null}
        onNew={() => {
          setError(null);
          setQuizInUrl(null);
          void listUnfinished().then((l) => l.ok && setUnfinished(l.data.unfinished));
          setPhase({ name: "setup" });
        }}
      />
    );
  }

  const { quiz, index } = phase;
  const q = current!;
  const total = quiz.questions.length;
  const answered = phase.name === "feedback";
  const done = index + (answered ? 1 : 0);

  return (
    <section aria-labelledby="quiz-question-heading" className="space-y-5">
      {quiz.notice && index === 0 && (
        <p
          role="status"
          className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-200"
        >
          {quiz.notice.charAt(0).toUpperCase() + quiz.notice.slice(1)}.
        </p>
      )}
      <div>
        <div className="mb-1 flex items-baseline justify-between text-sm text-stone-600 dark:text-stone-400">
          <span data-testid="quiz-progress">
            Question {index + 1} of {total}
          </span>
          <span>
            {tally.right} right of {tally.answered}
          </span>
        </div>
        {/* An SVG width, not a style attribute: the CSP refuses inline styles. */}
        <svg className="block h-1.5 w-full rounded bg-stone-200 dark:bg-stone-800" aria-hidden="true">
          <rect width={`${(done / total) * 100}%`} height="100%" className="fill-red-700 dark:fill-red-400" />
        </svg>
        <div className="mt-1 flex min-w-0 flex-wrap items-center justify-end gap-x-3 text-sm text-stone-600 dark:text-stone-400">
          {undoNotice && (
            <span role="status" data-testid="quiz-undo-notice" className="min-w-0 truncate">
              {undoNotice}
            </span>
          )}
          <button
            type="button"
            onClick={() => void undo()}
            disabled={busy || !undoTarget}
            data-testid="quiz-undo"
            title={undoTarget ? `Undo ${undoTarget.label}` : "Nothing to undo in this study session"}
            className="min-w-0 max-w-full truncate rounded px-1.5 py-0.5 underline decoration-stone-400 underline-offset-2 hover:bg-stone-100 disabled:no-underline disabled:opacity-50 dark:hover:bg-stone-800"
          >
            {undoTarget ? `Undo ${undoTarget.label}` : "Nothing to undo"} <kbd className="text-xs">U</kbd>
          </button>
        </div>
      </div>

      <div
        ref={questionRef}
        tabIndex={-1}
        className="space-y-4 rounded-xl border border-stone-200 bg-white p-5 shadow-sm outline-none dark:border-stone-800 dark:bg-stone-900"
        data-testid="quiz-question"
        data-type={q.type}
      >
        <h1
          id="quiz-question-heading"
          className="flex flex-wrap items-center gap-2 text-sm font-medium uppercase tracking-wide text-stone-500 dark:text-stone-400"
        >
          <span>{TYPE_LABELS[q.type]}</span>
          <span aria-hidden="true">·</span>
          <span>{TOPIC_LABELS[q.topic]}</span>
        </h1>
        {q.type === "match" ? <p className="text-lg">{q.prompt}</p> : <Prompt text={q.prompt} />}
        <QuestionBody
          key={`${quiz.id}:${index}`}
          question={q}
          draft={draft}
          setDraft={(d) => {
            setDraft(d);
            setHint(null);
          }}
          disabled={answered || busy}
          reveal={answered ? phase.feedback : null}
        />
        {!answered && (
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="button"
              onClick={() => void submit()}
              disabled={busy}
              className="rounded-lg bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60 dark:bg-red-500 dark:text-stone-950"
            >
              Check
            </button>
            <span className="text-sm text-stone-500 dark:text-stone-400">
              {q.type === "multiple-choice" || q.type === "true-false"
                ? "1–4 or A–D to pick · Enter to check"
                : q.type === "order"
                  ? "Alt+↑/↓ to move · Enter to check"
                  : "Enter to check"}
            </span>
          </div>
        )}
        {hint && !answered && (
          <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
            {hint}
          </p>
        )}
      </div>

      {error && (
        <p
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          {error}
        </p>
      )}

      {phase.name === "feedback" && (
        <FeedbackPanel
          type={q.type}
          feedback={phase.feedback}
          last={index + 1 === total}
          busy={busy}
          onNext={() => void next()}
          onOverride={() => void override()}
          onUndoTarget={setUndoTarget}
        />
      )}
    </section>
  );
}

function QuestionBody({
  question,
  draft,
  setDraft,
  disabled,
  reveal,
}: {
  question: PresentedQuestion;
  draft: Draft;
  setDraft: (d: Draft) => void;
  disabled: boolean;
  reveal: QuizFeedback | null;
}) {
  switch (question.type) {
    case "multiple-choice":
    case "true-false":
      return (
        <ChoiceView
          question={question}
          value={typeof draft === "number" ? draft : null}
          onChange={setDraft}
          disabled={disabled}
          correct={reveal && typeof reveal.correctAnswer === "string" ? reveal.correctAnswer : null}
        />
      );
    case "cloze":
      return <ClozeView value={typeof draft === "string" ? draft : ""} onChange={setDraft} disabled={disabled} />;
    case "order":
      return <OrderView value={Array.isArray(draft) ? draft : question.items} onChange={setDraft} disabled={disabled} />;
    case "match":
      return (
        <MatchView
          question={question}
          value={draft && typeof draft === "object" && !Array.isArray(draft) ? draft : {}}
          onChange={setDraft}
          disabled={disabled}
          correct={reveal?.pairs ?? null}
        />
      );
  }
}

function SetupForm({
  decks,
  value,
  onChange,
  onStart,
  busy,
  error,
  autoFocusStart,
}: {
  decks: DeckOption[];
  value: QuizSetup;
  onChange: (s: QuizSetup) => void;
  onStart: () => void;
  busy: boolean;
  error: string | null;
  autoFocusStart: boolean;
}) {
  const startRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (autoFocusStart) startRef.current?.focus();
  }, [autoFocusStart]);
  if (decks.length === 0) return <p>No decks yet. Add a talk under content/ and run npm run content:sync.</p>;
  const radio = "peer sr-only";
  const pill =
    "inline-block cursor-pointer rounded-lg border border-stone-300 px-3 py-2 text-sm peer-checked:border-red-700 peer-checked:bg-red-50 peer-checked:font-medium peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-amber-600 dark:border-stone-700 dark:peer-checked:border-red-400 dark:peer-checked:bg-red-950/40";
  return (
    <form
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        onStart();
      }}
      aria-labelledby="quiz-setup-heading"
    >
      <h1 id="quiz-setup-heading" className="text-2xl font-semibold">
        Quiz
      </h1>
      <p className="text-stone-600 dark:text-stone-400">
        Test what you understand: every answer is checked at once. Quizzes are practice: they can bring a card forward for review, never push it back.
      </p>
      <label className="block">
        <span className="mb-1 block font-medium">Deck</span>
        <select
          name="deck"
          value={value.deck}
          onChange={(e) => onChange({ ...value, deck: e.target.value })}
          className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-700 dark:bg-stone-900"
        >
          {decks.map((d) => (
            <option key={d.key} value={d.key}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend className="mb-2 font-medium">Topic</legend>
        <div className="flex flex-wrap gap-2">
          {(Object.keys(TOPIC_LABELS) as TopicFilter[]).map((t) => (
            <label key={t}>
              <input type="radio" name="topic" value={t} className={radio} checked={value.topic === t} onChange={() => onChange({ ...value, topic: t })} />
              <span className={pill}>{TOPIC_LABELS[t]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="mb-2 font-medium">Questions</legend>
        <div className="flex gap-2">
          {QUIZ_LENGTHS.map((n) => (
            <label key={n}>
              <input type="radio" name="length" value={n} className={radio} checked={value.length === n} onChange={() => onChange({ ...value, length: n })} />
              <span className={pill}>{n}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {error && (
        <p
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          {error}
        </p>
      )}
      <button
        ref={startRef}
        type="submit"
        disabled={busy}
        className="rounded-lg bg-red-700 px-5 py-2.5 font-medium text-white hover:bg-red-800 disabled:opacity-60 dark:bg-red-500 dark:text-stone-950"
      >
        {busy ? "Starting…" : "Start quiz"}
      </button>
    </form>
  );
}
