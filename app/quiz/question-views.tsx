"use client";
// One view per question type. Each is controlled (value + onChange) and holds
// no grading logic: the page sends the answer to the API and shows its verdict.
import { useEffect, useRef, useState } from "react";
import type { PresentedQuestion } from "./api";

type Props<T> = { value: T; onChange: (v: T) => void; disabled: boolean };

export const OPTION_LETTERS = ["A", "B", "C", "D", "E", "F"];

/** Multiple choice and true/false: pick one option (click, arrows, 1–4 or A–D). */
export function ChoiceView({
  question,
  value,
  onChange,
  disabled,
  correct,
}: Props<number | null> & { question: Extract<PresentedQuestion, { type: "multiple-choice" | "true-false" }>; correct: string | null }) {
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="sr-only">Options</legend>
      {question.options.map((o, i) => {
        const checked = value === i;
        const isRight = correct !== null && o === correct;
        const isWrongPick = correct !== null && checked && !isRight;
        const tone = isRight
          ? "border-emerald-600 bg-emerald-50 dark:border-emerald-500 dark:bg-emerald-950/40"
          : isWrongPick
            ? "border-red-700 bg-red-50 line-through decoration-red-700/60 dark:border-red-400 dark:bg-red-950/40"
            : checked
              ? "border-red-700 bg-red-50 dark:border-red-400 dark:bg-red-950/40"
              : correct !== null
                ? "border-stone-200 text-stone-500 dark:border-stone-800"
                : "border-stone-300 hover:border-stone-500 dark:border-stone-700 dark:hover:border-stone-500";
        return (
          <label
            key={o}
            data-testid="quiz-option"
            data-selected={checked ? "true" : undefined}
            className={`flex items-start gap-3 rounded-lg border p-3 transition-colors ${disabled ? "" : "cursor-pointer"} ${tone}`}
          >
            <input type="radio" name={`q-${question.id}`} className="sr-only" checked={checked} onChange={() => onChange(i)} />
            {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <kbd> hint is not focusable; the radio input carries the option */}
            <kbd
              aria-hidden="true"
              className={`mt-0.5 inline-flex h-6 min-w-6 shrink-0 items-center justify-center rounded border text-xs font-semibold ${
                isRight
                  ? "border-emerald-700 bg-emerald-700 text-white dark:border-emerald-400 dark:bg-emerald-400 dark:text-stone-950"
                  : checked
                    ? "border-red-700 bg-red-700 text-white dark:border-red-400 dark:bg-red-400 dark:text-stone-950"
                    : "border-stone-400 text-stone-600 dark:text-stone-300"
              }`}
            >
              {i < 9 ? i + 1 : OPTION_LETTERS[i]}
            </kbd>
            <span className="flex-1">{o}</span>
            {isRight && <span className="text-sm font-medium text-emerald-700 dark:text-emerald-400">correct answer</span>}
            {isWrongPick && <span className="text-sm font-medium text-red-700 dark:text-red-400">your answer</span>}
          </label>
        );
      })}
    </fieldset>
  );
}

/** Cloze: type the missing words; the blank in the prompt is drawn as a gap. */
export function ClozeView({ value, onChange, disabled }: Props<string>) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <label className="block">
      <span className="mb-1 block text-sm text-stone-600 dark:text-stone-400">Your answer (Enter to check)</span>
      <input
        ref={ref}
        type="text"
        data-testid="quiz-cloze-input"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={200}
        disabled={disabled}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-lg dark:border-stone-700 dark:bg-stone-900"
      />
    </label>
  );
}

/**
 * Order: a list the learner rearranges. Keyboard: focus an item (Tab), Alt+↑/↓
 * moves it; or use its Move up / Move down buttons. Pointer: drag an item onto
 * another place, or the same buttons.
 */
export function OrderView({ value, onChange, disabled }: Props<string[]>) {
  const itemRefs = useRef(new Map<string, HTMLLIElement>());
  // The first item takes focus when the question appears, so Alt+↑/↓ works at once.
  const [focusItem, setFocusItem] = useState<string | null>(disabled ? null : (value[0] ?? null));
  const [dragging, setDragging] = useState<number | null>(null);
  const [announce, setAnnounce] = useState("");

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus must follow the item after it moves, so the order (value) is a trigger
  useEffect(() => {
    if (focusItem !== null) itemRefs.current.get(focusItem)?.focus();
  }, [focusItem, value]);

  const move = (from: number, to: number, keepFocus: boolean) => {
    if (disabled || to < 0 || to >= value.length || from === to) return;
    const next = value.slice();
    const [item] = next.splice(from, 1);
    if (item === undefined) return;
    next.splice(to, 0, item);
    onChange(next);
    setAnnounce(`${item}: position ${to + 1} of ${next.length}`);
    if (keepFocus) setFocusItem(item);
  };

  return (
    <div>
      <p id="order-help" className="mb-2 text-sm text-stone-600 dark:text-stone-400">
        First at the top. Focus an item and press Alt+↑ or Alt+↓ to move it, use its buttons, or drag it.
      </p>
      <ol aria-describedby="order-help" className="space-y-2" data-testid="quiz-order-list">
        {value.map((item, i) => (
          <li
            key={item}
            ref={(el) => {
              if (el) itemRefs.current.set(item, el);
              else itemRefs.current.delete(item);
            }}
            tabIndex={disabled ? -1 : 0}
            draggable={!disabled}
            data-testid="quiz-order-item"
            aria-label={`${i + 1}. ${item}`}
            onKeyDown={(e) => {
              if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
              e.preventDefault();
              move(i, e.key === "ArrowUp" ? i - 1 : i + 1, true);
            }}
            onDragStart={(e) => {
              setDragging(i);
              e.dataTransfer.effectAllowed = "move";
              e.dataTransfer.setData("text/plain", item);
            }}
            onDragOver={(e) => {
              if (dragging === null) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = "move";
            }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null) move(dragging, i, false);
              setDragging(null);
            }}
            onDragEnd={() => setDragging(null)}
            className={`flex items-center gap-3 rounded-lg border bg-white p-3 dark:bg-stone-900 ${
              dragging === i ? "border-dashed border-red-700 opacity-60" : "border-stone-300 dark:border-stone-700"
            } ${disabled ? "" : "cursor-grab"}`}
          >
            <span aria-hidden="true" className="w-6 shrink-0 text-right font-mono text-sm text-stone-500">
              {i + 1}.
            </span>
            <span className="flex-1" data-testid="quiz-order-text">
              {item}
            </span>
            <span className="flex shrink-0 gap-1">
              <button
                type="button"
                disabled={disabled || i === 0}
                onClick={() => move(i, i - 1, true)}
                aria-label={`Move “${item}” up`}
                className="rounded border border-stone-300 px-2 py-1 text-sm disabled:opacity-30 dark:border-stone-700"
              >
                ↑
              </button>
              <button
                type="button"
                disabled={disabled || i === value.length - 1}
                onClick={() => move(i, i + 1, true)}
                aria-label={`Move “${item}” down`}
                className="rounded border border-stone-300 px-2 py-1 text-sm disabled:opacity-30 dark:border-stone-700"
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p aria-live="polite" className="sr-only">
        {announce}
      </p>
    </div>
  );
}

/**
 * Match: one row per definition, each with a select of the terms. Picking a
 * term that another row already has clears that row, so each term is used once.
 */
export function MatchView({
  question,
  value,
  onChange,
  disabled,
  correct,
}: Props<Record<string, string>> & { question: Extract<PresentedQuestion, { type: "match" }>; correct: { left: string; right: string }[] | null }) {
  // value: definition → term (the API wants term → definition; the page converts).
  const firstRef = useRef<HTMLSelectElement>(null);
  useEffect(() => firstRef.current?.focus(), []);
  const choose = (definition: string, term: string) => {
    const next: Record<string, string> = {};
    for (const [d, t] of Object.entries(value)) if (t !== term && d !== definition) next[d] = t;
    if (term) next[definition] = term;
    onChange(next);
  };
  return (
    <ol className="space-y-3">
      {question.right.map((definition, i) => {
        const want = correct?.find((p) => p.right === definition)?.left;
        const ok = want !== undefined && value[definition] === want;
        return (
          <li
            key={definition}
            data-testid="quiz-match-row"
            className={`rounded-lg border p-3 ${
              want === undefined
                ? "border-stone-300 dark:border-stone-700"
                : ok
                  ? "border-emerald-600 bg-emerald-50 dark:border-emerald-500 dark:bg-emerald-950/40"
                  : "border-red-700 bg-red-50 dark:border-red-400 dark:bg-red-950/40"
            }`}
          >
            <label className="block">
              <span className="block">{definition}</span>
              <select
                ref={i === 0 ? firstRef : undefined}
                data-testid="quiz-match-select"
                disabled={disabled}
                value={value[definition] ?? ""}
                onChange={(e) => choose(definition, e.target.value)}
                className="mt-2 w-full rounded border border-stone-300 bg-white px-2 py-1.5 dark:border-stone-700 dark:bg-stone-900 sm:w-72"
              >
                <option value="">Choose the term…</option>
                {question.left.map((term) => (
                  <option key={term} value={term}>
                    {term}
                  </option>
                ))}
              </select>
            </label>
            {want !== undefined && (
              <p className={`mt-1 text-sm font-medium ${ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}>
                {ok ? "✓ Right" : `✗ It is ${want}`}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The prompt, with cloze blanks drawn as gaps. */
export function Prompt({ text }: { text: string }) {
  const parts = text.split(/(_{3,})/);
  return (
    <p className="text-lg leading-relaxed" data-testid="quiz-prompt">
      {parts.map((p, i) =>
        /^_{3,}$/.test(p) ? (
          <span key={i} className="mx-0.5 inline-block w-20 border-b-2 border-stone-500 align-baseline" aria-label="blank" role="img" />
        ) : (
          <span key={i}>{p}</span>
        ),
      )}
    </p>
  );
}
