"use client";
// The review loop in the browser: shows the head of the queue, reveals,
// sends the rating to the JSON API, and shows the next cards and counts that
// come back in the same reply (answer, undo, suspend, bury: one round trip
// each), so they always come from the server. Every action goes on this tab's
// study session (sessionStorage), whose newest action U undoes; the page says
// which. All scheduling lives behind the API.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import type { CardDto, FlagDto, PreviewDto, QueueDto } from "@/lib/api/review-dto";
import { Kbd } from "@/app/components/kbd";
import { MAX_DURATION_MS } from "@/lib/srs/limits";
import { RATING_LABELS, RATING_VALUES, ratingLabel } from "@/lib/srs/ratings";
import { FlagButton } from "@/app/components/flag-button";
import { TimeUntil, useNow } from "@/app/components/time-until";
import { api, newReviewId, studySessionId, type Rating, type UndoTarget } from "./api";
import { CardFace } from "./card-face";
import { CountsBar, bucketOf } from "./counts-bar";
import { ProgressBar, SessionSummaryView } from "./session-progress";
import { LETTERS, checkAnswer, isChoiceFormat, isTypedFormat } from "./check";

type ShownCard = CardDto & { previews: PreviewDto[]; flag?: FlagDto | null };
/** A card an undo or unsuspend gives back to show at once (the undo reply sends its flag too). */
type RestoredCard = CardDto & { flag?: FlagDto | null };
type Notice = { text: string; tone: "info" | "warn"; actions?: { label: string; run: () => void }[] };

const DAY_MS = 86_400_000;
const RATING_STYLE: Record<Rating, { cls: string; ring: string }> = {
  1: { cls: "text-red-700 dark:text-red-400", ring: "ring-red-500" },
  2: { cls: "text-amber-700 dark:text-amber-400", ring: "ring-amber-500" },
  3: { cls: "text-green-700 dark:text-green-400", ring: "ring-green-600" },
  4: { cls: "text-blue-700 dark:text-blue-400", ring: "ring-blue-500" },
};
const RATINGS = RATING_VALUES.map((rating) => ({ rating, label: RATING_LABELS[rating], ...RATING_STYLE[rating] }));

const SHORTCUTS: [string[], string][] = [
  [["Space", "Enter"], "reveal the answer (Enter also checks a typed answer)"],
  [["1", "2", "3", "4"], `rate ${RATING_VALUES.map((r) => RATING_LABELS[r]).join(" / ")}`],
  [["A", "B", "C", "D"], "pick an option (choice cards, before the reveal)"],
  [["U", "Ctrl+Z"], "undo the last action of this session (answer, suspend, bury, …)"],
  [["S"], "suspend the card"],
  [["B", "-"], "bury the card until tomorrow (use - while options are open)"],
  [["Esc"], "leave the answer field / close this list"],
  [["?"], "show or hide this list"],
];

/** Buttons that Space / Enter must never press (those keys reveal instead). */
const GUARDED = "data-no-key-activation";

function isField(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));
}

export function ReviewSession({ initialQueue, deck, title }: { initialQueue: QueueDto; deck: string | null; title: string }) {
  const [queue, setQueue] = useState(initialQueue);
  // A card put back by undo/unsuspend that the queue does not list first.
  const [front, setFront] = useState<ShownCard | null>(null);
  const [seq, setSeq] = useState(0); // one per card display
  const [revealed, setRevealed] = useState(false);
  const [typed, setTyped] = useState("");
  const [picked, setPicked] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [undoTarget, setUndoTarget] = useState<UndoTarget | null>(null);
  const sessionRef = useRef("");
  const [sessionId, setSessionId] = useState(""); // the same, for rendering

  const busyRef = useRef(false);
  const shownAt = useRef(0);
  const reviewId = useRef("");
  const inputRef = useRef<HTMLInputElement | null>(null);
  const cardRef = useRef<HTMLDivElement | null>(null);
  const helpRef = useRef<HTMLElement | null>(null);

  // The session lives in sessionStorage (client only): a reload continues its undo stack.
  useEffect(() => {
    sessionRef.current = studySessionId();
    setSessionId(sessionRef.current);
    void api.undoTarget(sessionRef.current).then((r) => {
      if (r.ok) setUndoTarget(r.data.undo);
    });
  }, []);

  const current: ShownCard | null = front ?? queue.cards[0] ?? null;
  const check = useMemo(() => (revealed && current ? checkAnswer(current, typed, picked) : null), [revealed, current, typed, picked]);

  // A new display: its clock and its reviewId (a double press resends the same id, applied once).
  // `current` changes only in show(), once per display (a new object even for the same card).
  useEffect(() => {
    shownAt.current = performance.now();
    reviewId.current = newReviewId();
    if (current && isTypedFormat(current.format)) inputRef.current?.focus();
    else cardRef.current?.focus({ preventScroll: true });
  }, [current]);

  useEffect(() => {
    if (revealed) cardRef.current?.focus({ preventScroll: true });
  }, [revealed]);

  useEffect(() => {
    if (help) helpRef.current?.scrollIntoView({ block: "nearest" });
  }, [help]);

  const show = useCallback((q: QueueDto, restored: RestoredCard | null = null) => {
    let f: ShownCard | null = null;
    if (restored) {
      const i = q.cards.findIndex((c) => c.id === restored.id);
      const found = q.cards[i];
      if (found && i > 0) q = { ...q, cards: [found, ...q.cards.filter((_, j) => j !== i)] };
      else if (!found) f = { previews: [], ...restored };
    }
    setQueue(q);
    setFront(f);
    setSeq((s) => s + 1);
    setRevealed(false);
    setTyped("");
    setPicked(null);
  }, []);

  const refresh = useCallback(
    async (restored: RestoredCard | null = null) => {
      const q = await api.queue(deck);
      if (q.ok) show(q.data, restored);
      else setError(`Could not load the queue: ${q.error}`);
    },
    [deck, show],
  );

  /** Runs one server action at a time; keys pressed meanwhile are ignored. */
  const exclusive = useCallback(async (fn: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await fn();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);

  const reveal = () => {
    if (current && !revealed) setRevealed(true);
  };

  const pick = (i: number) => {
    if (!current || revealed || i >= (current.options?.length ?? 0)) return;
    setPicked(i);
    setRevealed(true);
  };

  /** Shows the queue a reply carried (or fetches it when the reply had none). */
  const next = useCallback(
    async (q: QueueDto | null, restored: RestoredCard | null = null) => {
      if (q) show(q, restored);
      else await refresh(restored);
    },
    [show, refresh],
  );

  const rate = (rating: Rating, override?: boolean) => {
    const card = current;
    if (!card || !revealed) return;
    void exclusive(async () => {
      setError(null);
      const durationMs = Math.min(MAX_DURATION_MS, Math.max(0, Math.round(performance.now() - shownAt.current)));
      const res = await api.answer(
        { cardId: card.id, rating, durationMs, reviewId: reviewId.current, reps: card.reps, sessionId: sessionRef.current, ...(override ? { override } : {}) },
        deck,
      );
      if (res.ok) {
        const interval = card.previews.find((p) => p.rating === rating)?.interval;
        setUndoTarget(res.data.undo);
        setNotice(
          res.data.leech
            ? {
                tone: "warn",
                text: `This card has lapsed ${res.data.card.lapses} times: marked as a leech and suspended.`,
                actions: [{ label: "Undo", run: () => undo() }],
              }
            : { tone: "info", text: `${ratingLabel(rating)}${interval ? ` — back in ${interval}` : ""}. U to undo.` },
        );
        await next(res.data.queue);
      } else {
        setNotice(null);
        setError(`Your answer was not saved: ${res.error}. The queue was reloaded.`);
        await refresh();
      }
    });
  };

  // Reads the latest target through a ref: notices keep an old closure.
  const undoTargetRef = useRef<UndoTarget | null>(null);
  undoTargetRef.current = undoTarget;

  const undo = () =>
    void exclusive(async () => {
      setError(null);
      const res = await api.undo(sessionRef.current, undoTargetRef.current?.id, deck);
      if (res.ok) {
        setUndoTarget(res.data.undo);
        setNotice({ tone: "info", text: `Undid ${res.data.undone.label}.` });
        await next(res.data.queue, res.data.card);
      } else if (res.status === 404) {
        setUndoTarget(null);
        setNotice({ tone: "info", text: "Nothing to undo in this study session." });
      } else {
        setError(`Undo failed: ${res.error}`);
        const t = await api.undoTarget(sessionRef.current);
        if (t.ok) setUndoTarget(t.data.undo);
        await refresh();
      }
    });

  const unsuspend = (id: number) =>
    void exclusive(async () => {
      const res = await api.suspend(id, false, sessionRef.current, deck);
      if (res.ok) {
        setUndoTarget(res.data.undo);
        setNotice({ tone: "info", text: "Card unsuspended. U to undo." });
        await next(res.data.queue, res.data.card);
      } else setError(`Unsuspend failed: ${res.error}`);
    });

  const unbury = (id: number) =>
    void exclusive(async () => {
      const res = await api.bury(id, false, sessionRef.current, deck);
      if (res.ok) {
        setUndoTarget(res.data.undo);
        setNotice({ tone: "info", text: "Card unburied. U to undo." });
        await next(res.data.queue, res.data.card);
      } else setError(`Unbury failed: ${res.error}`);
    });

  const suspend = () => {
    const card = current;
    if (!card) return;
    void exclusive(async () => {
      setError(null);
      const res = await api.suspend(card.id, true, sessionRef.current, deck);
      if (res.ok) {
        setUndoTarget(res.data.undo);
        setNotice({
          tone: "info",
          text: "Card suspended: it will not be shown until unsuspended (its sibling cards wait until tomorrow).",
          actions: [
            { label: "Undo", run: () => undo() },
            { label: "Unsuspend", run: () => unsuspend(card.id) },
          ],
        });
        await next(res.data.queue);
      } else {
        setError(`Suspend failed: ${res.error}`);
        await refresh();
      }
    });
  };

  const bury = () => {
    const card = current;
    if (!card) return;
    void exclusive(async () => {
      setError(null);
      const res = await api.bury(card.id, true, sessionRef.current, deck);
      if (res.ok) {
        setUndoTarget(res.data.undo);
        setNotice({
          tone: "info",
          text: "Card buried until tomorrow, with its sibling cards.",
          actions: [
            { label: "Undo", run: () => undo() },
            { label: "Unbury", run: () => unbury(card.id) },
          ],
        });
        await next(res.data.queue);
      } else {
        setError(`Bury failed: ${res.error}`);
        await refresh();
      }
    });
  };

  const onKey = (e: KeyboardEvent) => {
    const onGuarded = e.target instanceof HTMLElement && e.target.hasAttribute(GUARDED);
    // (The capture listener below cancels Space/Enter on guarded buttons before this runs.)
    if ((e.defaultPrevented && !onGuarded) || e.isComposing) return;
    const key = e.key;
    const ctrlZ = (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && key.toLowerCase() === "z";
    // Typing: the field has the keys (its form handles Enter; Esc leaves it) —
    // except Ctrl+Z in an empty field, which has no text to undo: it undoes
    // the last answer, as it does everywhere else on the page.
    if (isField(e.target) && !(ctrlZ && e.target instanceof HTMLInputElement && e.target.value === "")) return;
    if (ctrlZ) {
      e.preventDefault();
      undo();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    // Space/Enter on a focused button or link activates it; don't also act on
    // it here — except on suspend/bury/undo, which those keys must never
    // press: there they act as the page's shortcut (reveal) instead.
    if ((key === " " || key === "Enter") && !onGuarded && (e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement)) return;
    const lower = key.length === 1 ? key.toLowerCase() : key;
    if (key === "?") {
      setHelp((h) => !h);
    } else if (key === "Escape") {
      setHelp(false);
    } else if (lower === "u") {
      undo();
    } else if (!current) {
      return;
    } else if (!revealed && (key === " " || key === "Enter")) {
      if (isTypedFormat(current.format) && document.activeElement !== inputRef.current && typed === "") inputRef.current?.focus();
      else reveal();
    } else if (
      !revealed &&
      isChoiceFormat(current.format) &&
      LETTERS.slice(0, current.options?.length ?? 0)
        .toLowerCase()
        .includes(lower) &&
      lower.length === 1
    ) {
      pick(LETTERS.toLowerCase().indexOf(lower));
    } else if (revealed && ["1", "2", "3", "4"].includes(key)) {
      rate(Number(key) as Rating);
    } else if (lower === "s") {
      suspend();
    } else if (lower === "b" || key === "-") {
      bury();
    } else return;
    e.preventDefault();
  };
  const onKeyRef = useRef(onKey);
  useEffect(() => {
    onKeyRef.current = onKey;
  });
  useEffect(() => {
    const h = (e: KeyboardEvent) => onKeyRef.current(e);
    // A button fires on Space's keyup and Enter's keydown; on guarded buttons
    // both are cancelled (the keydown itself was handled as a shortcut).
    const block = (e: KeyboardEvent) => {
      if ((e.key === " " || e.key === "Enter") && e.target instanceof HTMLElement && e.target.hasAttribute(GUARDED)) e.preventDefault();
    };
    window.addEventListener("keydown", block, true);
    window.addEventListener("keyup", block, true);
    window.addEventListener("keydown", h);
    return () => {
      window.removeEventListener("keydown", block, true);
      window.removeEventListener("keyup", block, true);
      window.removeEventListener("keydown", h);
    };
  }, []);

  // Nothing left: come back by itself when the next card is due (within a day).
  useEffect(() => {
    if (current) return;
    const next = queue.learningLater?.nextDue ?? queue.nextDue;
    if (!next) return;
    const wait = Date.parse(next) - Date.now() + 1000;
    if (wait > DAY_MS) return;
    const t = setTimeout(() => void refresh(), Math.max(1000, wait));
    return () => clearTimeout(t);
  }, [current, queue, refresh]);

  const suggested = check?.suggested ?? null;
  // A card put back by undo that the queue does not list (e.g. beyond today's
  // new-card limit) is still a card left: the header never says 0 while it shows.
  const shownCounts = front ? { ...queue.counts, [bucketOf(front.state)]: Math.max(1, queue.counts[bucketOf(front.state)]) } : queue.counts;

  return (
    <div className="mx-auto max-w-2xl">
      <div className="mb-5 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">
          Review <span className="font-normal text-stone-500">· {title}</span>
        </h1>
        <CountsBar counts={shownCounts} current={current ? bucketOf(current.state) : null} />
      </div>
      <ProgressBar queue={queue} />
      {queue.quizNewToday > 0 && (
        <p className="-mt-3 mb-3 text-xs text-stone-500" data-testid="quiz-new-today">
          Quizzes introduced {queue.quizNewToday} new card{queue.quizNewToday === 1 ? "" : "s"} today; they are learning cards here and do not count against
          your daily new cards.
        </p>
      )}

      <div className="min-h-[1.5rem]" aria-live="polite" role="status" data-testid="notice">
        {notice && (
          <p
            className={`mb-3 flex items-center gap-3 rounded-lg px-3 py-2 text-sm ${notice.tone === "warn" ? "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" : "bg-stone-100 text-stone-700 dark:bg-stone-800 dark:text-stone-300"}`}
          >
            <span className="flex-1">{notice.text}</span>
            {notice.actions?.map((a) => (
              <button
                key={a.label}
                type="button"
                onClick={a.run}
                {...{ [GUARDED]: "" }}
                className="rounded px-2 py-0.5 font-medium underline hover:bg-stone-200 dark:hover:bg-stone-700"
              >
                {a.label}
              </button>
            ))}
          </p>
        )}
      </div>
      <div role="alert" data-testid="error">
        {error && (
          <p className="mb-3 flex items-center gap-3 rounded-lg bg-red-100 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200">
            <span className="flex-1">{error}</span>
            <button type="button" onClick={() => void exclusive(() => refresh())} className="rounded px-2 py-0.5 font-medium underline">
              Reload queue
            </button>
            <button type="button" onClick={() => setError(null)} aria-label="Dismiss error" className="rounded px-2 py-0.5">
              ✕
            </button>
          </p>
        )}
      </div>

      {current ? (
        <>
          <div
            ref={cardRef}
            tabIndex={-1}
            aria-busy={busy}
            className={`rounded-xl border border-stone-200 bg-white p-6 shadow-sm outline-none sm:p-8 dark:border-stone-800 dark:bg-stone-900`}
          >
            <CardFace
              key={seq}
              card={current}
              revealed={revealed}
              check={check}
              typed={typed}
              onTyped={setTyped}
              onSubmitTyped={reveal}
              onPick={pick}
              inputRef={inputRef}
              onOverride={() => rate(3, true)}
            />
          </div>

          <div className="mt-5" data-testid="answer-bar">
            {!revealed ? (
              <button
                type="button"
                onClick={reveal}
                className="w-full rounded-lg bg-stone-800 px-4 py-3 font-medium text-white hover:bg-stone-700 dark:bg-stone-200 dark:text-stone-900 dark:hover:bg-white"
              >
                {isTypedFormat(current.format) ? "Check answer" : "Show answer"} <span className="ml-2 text-sm opacity-70">Space</span>
              </button>
            ) : (
              <fieldset className="grid grid-cols-4 gap-2" aria-label="Rate your recall">
                {RATINGS.map((r) => {
                  const interval = current.previews.find((p) => p.rating === r.rating)?.interval;
                  const isSuggested = suggested === r.rating;
                  return (
                    <button
                      key={r.rating}
                      type="button"
                      disabled={busy}
                      onClick={() => rate(r.rating)}
                      aria-label={interval ? `${r.label} (${interval})` : r.label}
                      data-suggested={isSuggested || undefined}
                      className={`flex flex-col items-center rounded-lg border bg-white px-2 py-2 hover:bg-stone-100 disabled:opacity-60 dark:bg-stone-900 dark:hover:bg-stone-800 ${isSuggested ? `border-transparent ring-2 ${r.ring}` : "border-stone-200 dark:border-stone-700"}`}
                    >
                      <span className="text-xs text-stone-500 tabular-nums">{interval ?? "—"}</span>
                      <span className={`font-semibold ${r.cls}`}>{r.label}</span>
                      <span className="mt-0.5 text-[0.7rem] text-stone-500">
                        {isSuggested ? "suggested · " : ""}
                        <Kbd>{r.rating}</Kbd>
                      </span>
                    </button>
                  );
                })}
              </fieldset>
            )}
            {revealed && suggested !== null && <p className="sr-only">Suggested rating: {ratingLabel(suggested)}</p>}
          </div>

          <div className="mt-4 flex flex-wrap items-start justify-end gap-1 text-sm text-stone-600 dark:text-stone-400">
            {/* Mounted afresh each time a card is shown (seq), from the flag the server sent with it: an undone flag goes. */}
            <FlagButton key={`${current.id}:${seq}`} cardId={current.id} initial={current.flag ?? null} className="mr-auto" onUndoTarget={setUndoTarget} />
            <UndoButton target={undoTarget} onClick={undo} disabled={busy} />
            <SmallButton onClick={suspend} disabled={busy}>
              Suspend <Kbd>S</Kbd>
            </SmallButton>
            <SmallButton onClick={bury} disabled={busy}>
              Bury <Kbd>B</Kbd>
            </SmallButton>
          </div>
        </>
      ) : (
        <Done
          queue={queue}
          deck={deck}
          undoTarget={undoTarget}
          onUndo={undo}
          onRefresh={() => void exclusive(() => refresh())}
          sessionId={sessionId}
          seq={seq}
        />
      )}

      <footer className="mt-10 border-t border-stone-200 pt-3 text-xs text-stone-500 dark:border-stone-800">
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span>
            <Kbd>Space</Kbd> reveal
          </span>
          <span>
            <Kbd>1</Kbd>–<Kbd>4</Kbd> rate
          </span>
          <span>
            <Kbd>A</Kbd>–<Kbd>D</Kbd> pick
          </span>
          <span>
            <Kbd>U</Kbd> undo
          </span>
          <span>
            <Kbd>S</Kbd> suspend
          </span>
          <span>
            <Kbd>B</Kbd> bury
          </span>
          <button
            type="button"
            onClick={() => setHelp((h) => !h)}
            aria-expanded={help}
            aria-controls="shortcut-help"
            className="flex items-center gap-1 rounded px-1 hover:text-stone-800 dark:hover:text-stone-200"
          >
            <Kbd>?</Kbd> <span className="underline underline-offset-2">all shortcuts</span>
          </button>
        </p>
        {help && (
          <section
            id="shortcut-help"
            ref={helpRef}
            aria-label="Keyboard shortcuts"
            className="mt-3 rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-700 dark:border-stone-800 dark:bg-stone-900 dark:text-stone-300"
          >
            <h2 className="mb-2 font-medium">Keyboard shortcuts</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
              {SHORTCUTS.map(([keys, what]) => (
                <div key={what} className="contents">
                  <dt className="flex gap-1">
                    {keys.map((k) => (
                      <Kbd key={k}>{k}</Kbd>
                    ))}
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-2 text-xs text-stone-500">Shortcuts are off while the answer field has focus, except Enter (check) and Esc (leave the field).</p>
          </section>
        )}
      </footer>
    </div>
  );
}

function SmallButton({ children, ...rest }: React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="button"
      {...rest}
      {...{ [GUARDED]: "" }}
      className="flex items-center gap-1.5 rounded-md px-2 py-1 hover:bg-stone-200/70 disabled:opacity-50 dark:hover:bg-stone-800"
    >
      {children}
    </button>
  );
}

/** "4:07" (minutes:seconds) until a moment, or "1:02:03" past an hour; "0:00" once it has passed. */
function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** "Undo Good on “What does RLHF mean?”": what U will undo in this session. */
function UndoButton({ target, onClick, disabled, className }: { target: UndoTarget | null; onClick: () => void; disabled?: boolean; className?: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled || target === null}
      data-testid="undo-button"
      title={target ? `Undo ${target.label}` : "Nothing to undo in this study session"}
      {...{ [GUARDED]: "" }}
      className={
        className ?? "flex min-w-0 max-w-full items-center gap-1.5 rounded-md px-2 py-1 hover:bg-stone-200/70 disabled:opacity-50 dark:hover:bg-stone-800"
      }
    >
      <span className="truncate">{target ? `Undo ${target.label}` : "Nothing to undo"}</span> <Kbd>U</Kbd>
    </button>
  );
}

function Done({
  queue,
  deck,
  undoTarget,
  onUndo,
  onRefresh,
  sessionId,
  seq,
}: {
  queue: QueueDto;
  deck: string | null;
  undoTarget: UndoTarget | null;
  onUndo: () => void;
  onRefresh: () => void;
  sessionId: string;
  seq: number;
}) {
  // Ticks every second: the countdown to the next learning card is live.
  const now = useNow(1000);
  const later = queue.learningLater;
  const countdown = later && now !== null ? clock(Date.parse(later.nextDue) - now) : null;
  return (
    <section
      aria-labelledby="done-heading"
      data-testid="done"
      className="rounded-xl border border-stone-200 bg-white p-8 text-center dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id="done-heading" className="text-2xl font-semibold">
        {later ? "Nothing to review right now" : "Done for today"}
      </h2>
      <div className="mt-4 space-y-2 text-stone-700 dark:text-stone-300">
        {later && (
          <p data-testid="learning-later">
            Next learning card in <span data-testid="countdown">{countdown ?? "…"}</span>
            {later.count > 1 ? ` (${later.count} waiting)` : ""}
            {now !== null && <> at {new Date(later.nextDue).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })}</>}. This page refreshes
            itself when it is due.
          </p>
        )}
        {!(later && queue.nextDue === later.nextDue) && (
          <p data-testid="next-due">
            {queue.nextDue ? (
              <>
                Next card due <TimeUntil iso={queue.nextDue} />.
              </>
            ) : (
              "No cards are scheduled."
            )}
          </p>
        )}
        <SessionSummaryView sessionId={sessionId} refreshKey={seq} />
        <p data-testid="due-tomorrow">
          {queue.dueTomorrow === 0 ? "No cards" : queue.dueTomorrow === 1 ? "1 card" : `${queue.dueTomorrow} cards`} due tomorrow.
        </p>
      </div>
      <div className="mt-6 flex flex-wrap justify-center gap-3 text-sm">
        <button
          type="button"
          onClick={onRefresh}
          className="rounded-lg border border-stone-300 px-3 py-1.5 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          Check again
        </button>
        <UndoButton
          target={undoTarget}
          onClick={onUndo}
          className="flex min-w-0 max-w-full items-center gap-1.5 rounded-lg border border-stone-300 px-3 py-1.5 hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800"
        />
        <Link href="/" className="rounded-lg border border-transparent px-3 py-1.5 text-red-700 underline dark:text-red-400">
          {deck ? "Other decks" : "Decks"}
        </Link>
      </div>
    </section>
  );
}
