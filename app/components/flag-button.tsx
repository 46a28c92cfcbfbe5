"use client";
// "Flag this card": a learner reports a wrong, ambiguous or mistyped card,
// with a note, for the deck's author (`npm run -s content -- flags --json`).
// One component for the review page, quiz feedback and the card page. Each
// flag or unflag is a step on this tab's study session (U undoes it).
import { useEffect, useRef, useState } from "react";
import { studySessionId, type UndoTarget } from "@/app/review/api";
import { callApi } from "@/app/api-client";

const REASONS = ["wrong", "ambiguous", "typo", "other"] as const;
type Flag = { reason: string; note: string } | null;

export function FlagButton({
  cardId,
  initial = null,
  className = "",
  onUndoTarget,
}: {
  cardId: number;
  initial?: Flag;
  className?: string;
  /** Told what U undoes now (this flag). */
  onUndoTarget?: (t: UndoTarget | null) => void;
}) {
  const [flag, setFlag] = useState<Flag>(initial);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<string>(initial?.reason ?? "wrong");
  const [note, setNote] = useState(initial?.note ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noteRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) noteRef.current?.focus();
  }, [open]);

  const send = async (method: "POST" | "DELETE") => {
    setBusy(true);
    setError(null);
    const body = method === "POST" ? { reason, note, sessionId: studySessionId() } : { sessionId: studySessionId() };
    const r = await callApi<{ flag?: Flag; undo?: UndoTarget | null }>(`/api/v1/cards/${cardId}/flag`, body, method);
    setBusy(false);
    if (!r.ok) return setError(`could not save the flag: ${r.error}`);
    setFlag(r.data.flag ?? null);
    onUndoTarget?.(r.data.undo ?? null);
    setOpen(false);
  };

  // Keys typed here are text, not the page's shortcuts.
  const stop = (e: React.KeyboardEvent) => {
    if (e.key === "Escape") setOpen(false);
    e.stopPropagation();
  };

  return (
    <div className={`text-sm ${className}`} data-testid="flag">
      {!open && (
        <span className="inline-flex flex-wrap items-center gap-2">
          {flag && (
            <span data-testid="flag-status" className="rounded bg-fuchsia-100 px-1.5 text-fuchsia-900 dark:bg-fuchsia-950 dark:text-fuchsia-200">
              Flagged: {flag.reason}
            </span>
          )}
          <button
            type="button"
            className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
            onClick={() => setOpen(true)}
          >
            {flag ? "Edit flag" : "Flag card"}
          </button>
          {flag && (
            <button type="button" className="underline" disabled={busy} onClick={() => send("DELETE")}>
              remove flag
            </button>
          )}
        </span>
      )}
      {open && (
        <form
          onKeyDown={stop}
          onSubmit={(e) => {
            e.preventDefault();
            void send("POST");
          }}
          className="flex flex-wrap items-end gap-2 rounded border border-stone-300 p-2 dark:border-stone-700"
          aria-label="Flag this card"
        >
          <fieldset className="flex flex-wrap gap-2">
            <legend className="text-xs text-stone-500">What is wrong with this card?</legend>
            {REASONS.map((r) => (
              <label key={r} className="flex items-center gap-1">
                <input type="radio" name={`flag-${cardId}`} value={r} checked={reason === r} onChange={() => setReason(r)} />
                {r}
              </label>
            ))}
          </fieldset>
          <label className="flex min-w-40 flex-1 flex-col text-xs text-stone-500">
            note (optional)
            <input
              ref={noteRef}
              value={note}
              maxLength={1000}
              onChange={(e) => setNote(e.target.value)}
              className="rounded border border-stone-300 bg-white px-2 py-1 text-sm text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
            />
          </label>
          <button type="submit" disabled={busy} className="rounded bg-red-700 px-3 py-1 text-white hover:bg-red-800 disabled:opacity-60">
            Send flag
          </button>
          <button type="button" onClick={() => setOpen(false)} className="underline">
            cancel
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
