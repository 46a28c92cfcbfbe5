"use client";
// The review loop in the browser: shows the head of the queue, reveals,
// sends the rating to the JSON API and re-reads the queue after every change
// (answer, undo, suspend, bury), so the counts and the next card always come
// from the server. All scheduling lives behind the API.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import type { CardDto, PreviewDto, QueueDto } from "@/lib/api/review-dto";
import { Kbd } from "@/app/components/kbd";
import { MAX_DURATION_MS } from "@/lib/srs/limits";
import { RATING_LABELS, RATING_VALUES, ratingLabel } from "@/lib/srs/ratings";
import { FlagButton } from "@/app/components/flag-button";
import { TimeUntil, useNow } from "@/app/components/time-until";
import { api, newReviewId, type Rating } from "./api";
import { CardFace } from "./card-face";
import { CountsBar, bucketOf } from "./counts-bar";
import { LETTERS, checkAnswer, isChoiceFormat, isTypedFormat } from "./check";

type ShownCard = CardDto & { previews: PreviewDto[] };
type Notice = { text: string; tone: "info" | "warn"; action?: { label: string; run: () => void } };

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
  [["U", "Ctrl+Z"], "undo the last answer"],
  [["S"], "suspend the card"],
  [["B", "-"], "bury the card until tomorrow (use - while options are open)"],
  [["Esc"], "leave the answer field / close this list"],
  [["?"], "show or hide this list"],
];

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

  const busyRef = useRef(false);
  const shownAt = useRef(0);
  const reviewId = useRef("");
  const inputRef = useRef<HTMLInputElement | null>(null);
  const cardRef = useRef<HTMLDivElement | null>(null);
  const helpRef = useRef<HTMLElement | null>(null);

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

  const show = useCallback((q: QueueDto, restored: CardDto | null = null) => {
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
    async (restored: CardDto | null = null) => {
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

  const rate = (rating: Rating, override?: boolean) => {
    const card = current;
    if (!card || !revealed) return;
    void exclusive(async () => {
      setError(null);
      const durationMs = Math.min(MAX_DURATION_MS, Math.max(0, Math.round(performance.now() - shownAt.current)));
      const res = await api.answer({ cardId: card.id, rating, durationMs, reviewId: reviewId.current, reps: card.reps, ...(override ? { override } : {}) });
      if (res.ok) {
        const interval = card.previews.find((p) => p.rating === rating)?.interval;
        setNotice(
          res.data.leech
            ? { tone: "warn", text: `This card has lapsed ${res.data.card.lapses} times: marked as a leech and suspended.` }
            : { tone: "info", text: `${ratingLabel(rating)}${interval ? ` — back in ${interval}` : ""}. U to undo.` },
        );
      } else {
        setNotice(null);
        setError(`Your answer was not saved: ${res.error}. The queue was reloaded.`);
      }
      await refresh();
    });
  };

  const undo = () =>
    void exclusive(async () => {
      setError(null);
      const res = await api.undo(deck);
      if (res.ok) {
        setNotice({ tone: "info", text: `Undid “${ratingLabel(res.data.undone.rating)}”: the card is back.` });
        await refresh(res.data.card);
      } else if (res.status === 404) {
        setNotice({ tone: "info", text: "Nothing to undo." });
      } else {
        setError(`Undo failed: ${res.error}`);
        await refresh();
      }
    });

  const unsuspend = (id: number) =>
    void exclusive(async () => {
      const res = await api.suspend(id, false);
      if (res.ok) {
        setNotice({ tone: "info", text: "Card unsuspended." });
        await refresh(res.data.card);
      } else setError(`Unsuspend failed: ${res.error}`);
    });

  const suspend = () => {
    const card = current;
    if (!card) return;
    void exclusive(async () => {
      setError(null);
      const res = await api.suspend(card.id, true);
      if (res.ok) setNotice({ tone: "info", text: "Card suspended: it will not be shown until unsuspended.", action: { label: "Unsuspend", run: () => unsuspend(card.id) } });
      else setError(`Suspend failed: ${res.error}`);
      await refresh();
    });
  };

  const bury = () => {
    const card = current;
    if (!card) return;
    void exclusive(async () => {
      setError(null);
      const res = await api.bury(card.id);
      if (res.ok) setNotice({ tone: "info", text: "Card buried until tomorrow." });
      else setError(`Bury failed: ${res.error}`);
      await refresh();
    });
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
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
    // Space/Enter on a focused button or link activates it; don't also act on it here.
    if ((key === " " || key === "Enter") && (e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement)) return;
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
    } else if (!revealed && isChoiceFormat(current.format) && LETTERS.slice(0, current.options?.length ?? 0).toLowerCase().includes(lower) && lower.length === 1) {
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
    window.addEventListener("keydown", h);
    return () => window.removeEventListener("keydown", h);
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

  return (
    <div className="mx-auto max-w-2xl">
      <div className="mb-5 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">
          Review <span className="font-normal text-stone-500">· {title}</span>
        </h1>
        <CountsBar counts={queue.counts} current={current ? bucketOf(current.state) : null} />
      </div>

      <div className="min-h-[1.5rem]" aria-live="polite" role="status" data-testid="notice">
        {notice && (
          <p className={`mb-3 flex items-center gap-3 rounded-lg px-3 py-2 text-sm ${notice.tone === "warn" ? "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" : "bg-stone-100 text-stone-700 dark:bg-stone-800 dark:text-stone-300"}`}>
            <span className="flex-1">{notice.text}</span>
            {notice.action && (
              <button type="button" onClick={notice.action.run} className="rounded px-2 py-0.5 font-medium underline hover:bg-stone-200 dark:hover:bg-stone-700">
                {notice.action.label}
              </button>
            )}
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
            <FlagButton key={current.id} cardId={current.id} className="mr-auto" />
            <SmallButton onClick={undo} disabled={busy}>
              Undo <Kbd>U</Kbd>
            </SmallButton>
            <SmallButton onClick={suspend} disabled={busy}>
              Suspend <Kbd>S</Kbd>
            </SmallButton>
            <SmallButton onClick={bury} disabled={busy}>
              Bury <Kbd>B</Kbd>
            </SmallButton>
          </div>
        </>
      ) : (
        <Done queue={queue} deck={deck} onUndo={undo} onRefresh={() => void exclusive(() => refresh())} />
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
          <button type="button" onClick={() => setHelp((h) => !h)} aria-expanded={help} aria-controls="shortcut-help" className="flex items-center gap-1 rounded px-1 hover:text-stone-800 dark:hover:text-stone-200">
            <Kbd>?</Kbd> <span className="underline underline-offset-2">all shortcuts</span>
          </button>
        </p>
        {help && (
          <section id="shortcut-help" ref={helpRef} aria-label="Keyboard shortcuts" className="mt-3 rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-700 dark:border-stone-800 dark:bg-stone-900 dark:text-stone-300">
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
    <button type="button" {...rest} className="flex items-center gap-1.5 rounded-md px-2 py-1 hover:bg-stone-200/70 disabled:opacity-50 dark:hover:bg-stone-800">
      {children}
    </button>
  );
}

function Done({ queue, deck, onUndo, onRefresh }: { queue: QueueDto; deck: string | null; onUndo: () => void; onRefresh: () => void }) {
  const now = useNow(15_000);
  const later = queue.learningLater;
  const minutes = later && now !== null ? Math.max(1, Math.ceil((Date.parse(later.nextDue) - now) / 60_000)) : null;
  return (
    <section aria-labelledby="done-heading" data-testid="done" className="rounded-xl border border-stone-200 bg-white p-8 text-center dark:border-stone-800 dark:bg-stone-900">
      <h2 id="done-heading" className="text-2xl font-semibold">
        {later ? "Nothing to review right now" : "Done for today"}
      </h2>
      <div className="mt-4 space-y-2 text-stone-700 dark:text-stone-300">
        {later && (
          <p data-testid="learning-later">
            Next learning card in {minutes ?? "…"} min{later.count > 1 ? ` (${later.count} waiting)` : ""}
            {now !== null && <> at {new Date(later.nextDue).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })}</>}. This page
            refreshes itself when it is due.
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
        <p data-testid="due-tomorrow">
          {queue.dueTomorrow === 0 ? "No cards" : queue.dueTomorrow === 1 ? "1 card" : `${queue.dueTomorrow} cards`} due tomorrow.
        </p>
      </div>
      <div className="mt-6 flex justify-center gap-3 text-sm">
        <button type="button" onClick={onRefresh} className="rounded-lg border border-stone-300 px-3 py-1.5 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800">
          Check again
        </button>
        <button type="button" onClick={onUndo} className="rounded-lg border border-stone-300 px-3 py-1.5 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800">
          Undo last answer <Kbd>U</Kbd>
        </button>
        <Link href="/" className="rounded-lg border border-transparent px-3 py-1.5 text-red-700 underline dark:text-red-400">
          {deck ? "Other decks" : "Decks"}
        </Link>
      </div>
    </section>
  );
}
