"use client";
// One card: the prompt, the format's way of answering, and after the reveal
// the answer, how the attempt compares, the source quote and the explanation.
import type { RefObject } from "react";
import type { CardDto } from "@/lib/api/review-dto";
import { TypedDiff } from "@/app/components/typed-diff";
import { Kbd } from "@/app/components/kbd";
import { Evidence } from "@/app/components/evidence";
import { LETTERS, isChoiceFormat, isTypedFormat, scrambledItems, type Check } from "./check";

type Props = {
  card: CardDto;
  revealed: boolean;
  check: Check | null;
  typed: string;
  onTyped: (s: string) => void;
  onSubmitTyped: () => void;
  onPick: (i: number) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  /** "I was right": count a Close typed answer right (rated Good, logged as an override). */
  onOverride?: () => void;
};

const FORMAT_LABEL: Record<CardDto["format"], string> = {
  flip: "Recall",
  "multiple-choice": "Multiple choice",
  "true-false": "True or false",
  typed: "Type the answer",
  cloze: "Fill in the blank",
  order: "Put in order",
};

function Prompt({ card }: { card: CardDto }) {
  // Cloze blanks ("_____") are drawn as a gap rather than underscores.
  const parts = card.format === "cloze" ? card.prompt.split(/_{3,}/) : [card.prompt];
  return (
    <p className="text-xl leading-relaxed text-pretty" data-testid="prompt">
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && <span className="mx-1 inline-block w-20 border-b-2 border-stone-400 align-baseline dark:border-stone-500" aria-label="blank" role="img" />}
          {p}
        </span>
      ))}
    </p>
  );
}

function Choices({ card, revealed, check, onPick }: Pick<Props, "card" | "revealed" | "check" | "onPick">) {
  const options = card.options ?? [];
  const c = check?.kind === "choice" ? check : null;
  return (
    <ol className="mt-5 space-y-2" aria-label="Options">
      {options.map((o, i) => {
        const letter = LETTERS[i] ?? "?";
        const isAnswer = revealed && c?.correctIndex === i;
        const pickedWrong = revealed && c?.picked === i && !c.right;
        const tone = isAnswer
          ? "border-green-600 bg-green-50 dark:border-green-500 dark:bg-green-950/60"
          : pickedWrong
            ? "border-red-600 bg-red-50 dark:border-red-500 dark:bg-red-950/60"
            : "border-stone-200 dark:border-stone-700";
        const inner = (
          <>
            <Kbd>{letter}</Kbd>
            <span className="flex-1">{o}</span>
            {isAnswer && (
              <span className="text-sm font-medium text-green-700 dark:text-green-400">{c?.picked === i ? "✓ your answer: right" : "✓ answer"}</span>
            )}
            {pickedWrong && <span className="text-sm font-medium text-red-700 dark:text-red-400">✗ your answer</span>}
          </>
        );
        return (
          <li key={i}>
            {revealed ? (
              <div className={`flex items-center gap-3 rounded-lg border px-3 py-2 ${tone}`}>{inner}</div>
            ) : (
              <button
                type="button"
                onClick={() => onPick(i)}
                className="flex w-full items-center gap-3 rounded-lg border border-stone-200 px-3 py-2 text-left hover:border-stone-400 hover:bg-stone-100 dark:border-stone-700 dark:hover:border-stone-500 dark:hover:bg-stone-800"
              >
                {inner}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}

const VERDICT: Record<"correct" | "close" | "wrong", { text: string; cls: string }> = {
  correct: { text: "Correct", cls: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300" },
  close: { text: "Close", cls: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300" },
  wrong: { text: "Wrong", cls: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300" },
};

/** Why a typed answer was counted right although it differs from the expected text. */
const FORGIVEN: Partial<Record<string, string>> = {
  inflection: "another form of the same word",
  synonym: "a word with the same meaning",
  typo: "a small spelling slip",
};

function TypedAnswer({ card, revealed, check, typed, onTyped, onSubmitTyped, inputRef, onOverride }: Omit<Props, "onPick">) {
  if (!revealed) {
    return (
      <form
        className="mt-5"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmitTyped();
        }}
      >
        <label htmlFor="typed-answer" className="mb-1 block text-sm text-stone-600 dark:text-stone-400">
          Your answer <span className="text-stone-500">(Enter to check, Esc to leave the field)</span>
        </label>
        <input
          id="typed-answer"
          ref={inputRef}
          value={typed}
          onChange={(e) => onTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") e.currentTarget.blur();
          }}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 font-mono text-lg focus:border-amber-600 focus:outline-none focus-visible:outline-2 dark:border-stone-600 dark:bg-stone-900"
        />
      </form>
    );
  }
  if (check?.kind !== "typed") return null;
  const v = VERDICT[check.grade.verdict];
  const alternatives = card.alternatives ?? [];
  return (
    <div className="mt-5 space-y-3">
      <p>
        <span className={`rounded px-2 py-0.5 text-sm font-semibold ${v.cls}`} data-testid="verdict">
          {v.text}
        </span>
      </p>
      <TypedDiff segments={check.diff} />
      {check.grade.verdict === "correct" && FORGIVEN[check.grade.reason] && (
        <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="grade-reason">
          Counted right: {FORGIVEN[check.grade.reason]}.
        </p>
      )}
      {check.grade.verdict === "close" && (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950/40" data-testid="close-decision">
          <p>
            Expected: <strong data-testid="expected-answer">{card.answer}</strong>
          </p>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Did you mean the same thing? You decide.</p>
          {onOverride && (
            <button
              type="button"
              onClick={onOverride}
              data-testid="override"
              className="mt-2 rounded-lg bg-amber-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-600"
            >
              I was right (count it Good)
            </button>
          )}
        </div>
      )}
      {check.grade.matched !== card.answer && check.grade.verdict === "correct" && (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          You matched an accepted spelling; the answer is <strong className="text-stone-900 dark:text-stone-100">{card.answer}</strong>.
        </p>
      )}
      {alternatives.length > 0 && <p className="text-sm text-stone-600 dark:text-stone-400">Also accepted: {alternatives.join(", ")}</p>}
    </div>
  );
}

function OrderItems({ card, revealed }: { card: CardDto; revealed: boolean }) {
  const items = revealed ? (card.items ?? []) : scrambledItems(card);
  const List = revealed ? "ol" : "ul";
  return (
    <div className="mt-5">
      <p className="mb-2 text-sm text-stone-600 dark:text-stone-400">{revealed ? "The right order:" : "Scrambled — recall the right order, then reveal:"}</p>
      <List className="space-y-2">
        {items.map((it, i) => (
          <li
            key={`${i}:${it}`}
            className={`flex gap-3 rounded-lg border px-3 py-2 ${revealed ? "border-green-600/60 bg-green-50 dark:border-green-700 dark:bg-green-950/40" : "border-stone-200 dark:border-stone-700"}`}
          >
            <span className="w-5 shrink-0 text-right font-mono text-stone-500">{revealed ? `${i + 1}.` : "•"}</span>
            <span>{it}</span>
          </li>
        ))}
      </List>
    </div>
  );
}

export function CardFace(props: Props) {
  const { card, revealed, check } = props;
  return (
    <article data-testid="card" data-format={card.format} data-card-id={card.id} data-reps={card.reps} aria-label="Card">
      <p className="mb-3 text-xs font-medium tracking-wide text-stone-500 uppercase">{FORMAT_LABEL[card.format]}</p>
      <Prompt card={card} />
      {isChoiceFormat(card.format) && <Choices {...props} />}
      {isTypedFormat(card.format) && <TypedAnswer {...props} />}
      {card.format === "order" && <OrderItems card={card} revealed={revealed} />}
      {revealed && (
        <div className="mt-6 space-y-4 border-t border-stone-200 pt-5 dark:border-stone-700" data-testid="back">
          {card.format === "flip" && (
            <p className="text-lg leading-relaxed" data-testid="answer">
              {card.answer}
            </p>
          )}
          {check?.kind === "choice" && check.picked === null && (
            <p className="text-stone-600 dark:text-stone-400">
              Answer: <strong className="text-stone-900 dark:text-stone-100">{card.answer}</strong>
            </p>
          )}
          {card.explanation && card.explanation !== card.answer && (
            <p className="text-stone-700 dark:text-stone-300">
              <span className="font-medium">Why: </span>
              {card.explanation}
            </p>
          )}
          <Evidence source={card.source} />
          <p className="text-xs text-stone-500">
            <a href={`/cards/${card.id}`} className="underline" target="_blank" rel="noopener">
              card history
            </a>
          </p>
        </div>
      )}
    </article>
  );
}
