"use client";
// Bulk actions on the selection (or on every card the search matches), each
// one request, one transaction and one step on this tab's study session (the
// review page's undo stack): the Undo button names and undoes the session's
// newest action, also after a reload.
import { useEffect, useState } from "react";
import { api, studySessionId, type UndoTarget } from "@/app/review/api";
import { callApi } from "@/app/api-client";

type Action = "suspend" | "unsuspend" | "bury" | "unbury" | "forget" | "set-due" | "flag" | "unflag";
type Reply = {
  action?: { id: number | null; label: string; changed: number; selected: number };
  undo?: UndoTarget | null;
  error?: string;
};

const btn = "rounded border border-stone-300 px-2 py-1 text-sm hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";
const box = "rounded border border-stone-300 bg-white px-1 py-1 text-sm dark:border-stone-700 dark:bg-stone-900";

async function post(path: string, body: unknown): Promise<Reply> {
  const r = await callApi<Reply>(path, body);
  return r.ok ? r.data : { error: r.message };
}

export function BulkBar({ selected, q, total, onDone }: { selected: number[]; q: string; total: number; onDone: () => void }) {
  const [undoTarget, setUndoTarget] = useState<UndoTarget | null>(null);
  // The session lives in sessionStorage (client only): what its Undo undoes comes from the server.
  useEffect(() => {
    void api.undoTarget(studySessionId()).then((r) => r.ok && setUndoTarget(r.data.undo));
  }, []);
  const [everyMatch, setEveryMatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; tone: "ok" | "error" } | null>(null);
  const [panel, setPanel] = useState<"due" | "flag" | null>(null);
  const [dueMode, setDueMode] = useState<"days" | "date">("days");
  const [from, setFrom] = useState("0");
  const [to, setTo] = useState("0");
  const [date, setDate] = useState("");
  const [reason, setReason] = useState("wrong");
  const [note, setNote] = useState("");
  const count = everyMatch ? total : selected.length;
  const none = count === 0 || busy;

  const run = async (action: Action, extra: Record<string, unknown> = {}) => {
    setBusy(true);
    const r = await post("/api/v1/cards/bulk", { action, ...(everyMatch ? { q } : { ids: selected }), ...extra, sessionId: studySessionId() });
    setBusy(false);
    if (r.error) return setNotice({ text: r.error, tone: "error" });
    const a = r.action!;
    setUndoTarget(r.undo ?? null);
    setNotice({
      text: a.changed === 0 ? `Nothing to change: the ${a.selected === 1 ? "card is" : `${a.selected} cards are`} already like that.` : a.label,
      tone: "ok",
    });
    setPanel(null);
    setEveryMatch(false);
    onDone();
  };

  const undo = async () => {
    if (!undoTarget) return;
    setBusy(true);
    const r = await api.undo(studySessionId(), undoTarget.id, null);
    setBusy(false);
    if (!r.ok) {
      setNotice({ text: `Undo failed: ${r.error}`, tone: "error" });
      const t = await api.undoTarget(studySessionId());
      if (t.ok) setUndoTarget(t.data.undo);
      return;
    }
    setUndoTarget(r.data.undo);
    const { skipped } = r.data;
    setNotice({ text: `Undid ${r.data.undone.label}${skipped ? ` (${skipped} changed since and kept as they are)` : ""}.`, tone: "ok" });
    onDone();
  };

  return (
    <section aria-label="Bulk actions" className="space-y-2 rounded border border-stone-200 p-2 dark:border-stone-800" data-testid="bulk-bar">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span data-testid="selected-count" className="font-medium">
          {count} selected
        </span>
        {total > selected.length && (
          <label className="flex items-center gap-1 text-xs">
            <input type="checkbox" checked={everyMatch} onChange={(e) => setEveryMatch(e.target.checked)} />
            all {total.toLocaleString("en")} matching
          </label>
        )}
        <span className="mx-1 hidden h-4 border-l border-stone-300 sm:inline dark:border-stone-700" />
        <button type="button" className={btn} disabled={none} onClick={() => run("suspend")}>
          Suspend
        </button>
        <button type="button" className={btn} disabled={none} onClick={() => run("unsuspend")}>
          Unsuspend
        </button>
        <button type="button" className={btn} disabled={none} onClick={() => run("bury")}>
          Bury
        </button>
        <button type="button" className={btn} disabled={none} onClick={() => run("unbury")}>
          Unbury
        </button>
        <button type="button" className={btn} disabled={none} onClick={() => run("forget")} title="back to new; the history is kept">
          Forget
        </button>
        <button type="button" className={btn} disabled={none} aria-expanded={panel === "due"} onClick={() => setPanel(panel === "due" ? null : "due")}>
          Set due…
        </button>
        <button type="button" className={btn} disabled={none} aria-expanded={panel === "flag"} onClick={() => setPanel(panel === "flag" ? null : "flag")}>
          Flag…
        </button>
        <button type="button" className={btn} disabled={none} onClick={() => run("unflag")}>
          Unflag
        </button>
        <button
          type="button"
          className={`${btn} ml-auto max-w-full truncate`}
          disabled={busy || !undoTarget}
          onClick={undo}
          data-testid="bulk-undo"
          title={undoTarget ? `Undo ${undoTarget.label}: the newest action of this study session` : "Nothing to undo in this study session"}
        >
          {undoTarget ? `Undo ${undoTarget.label}` : "Nothing to undo"}
        </button>
      </div>

      {panel === "due" && (
        <form
          className="flex flex-wrap items-end gap-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            run("set-due", { due: dueMode === "date" ? { date } : { from: Number(from), to: Number(to) } });
          }}
        >
          <label className="flex items-center gap-1">
            <input type="radio" checked={dueMode === "days"} onChange={() => setDueMode("days")} /> in
          </label>
          <input
            aria-label="from days"
            type="number"
            min={0}
            className={`${box} w-16`}
            value={from}
            onChange={(e) => {
              setFrom(e.target.value);
              setDueMode("days");
            }}
          />
          –
          <input
            aria-label="to days"
            type="number"
            min={0}
            className={`${box} w-16`}
            value={to}
            onChange={(e) => {
              setTo(e.target.value);
              setDueMode("days");
            }}
          />
          days (0 = today; a range spreads the cards)
          <label className="flex items-center gap-1">
            <input type="radio" checked={dueMode === "date"} onChange={() => setDueMode("date")} /> on
          </label>
          <input
            aria-label="due date"
            type="date"
            className={box}
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              setDueMode("date");
            }}
          />
          <button type="submit" className={btn} disabled={none || (dueMode === "date" ? !date : Number(to) < Number(from))}>
            Set due
          </button>
          <span className="w-full text-xs text-stone-500">New cards are left alone: they have no schedule yet.</span>
        </form>
      )}

      {panel === "flag" && (
        <form
          className="flex flex-wrap items-end gap-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            run("flag", { reason, note });
          }}
        >
          <label className="flex flex-col text-xs">
            reason
            <select className={box} value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="wrong">wrong</option>
              <option value="ambiguous">ambiguous</option>
              <option value="typo">typo</option>
              <option value="other">other</option>
            </select>
          </label>
          <label className="flex min-w-40 flex-1 flex-col text-xs">
            note
            <input className={box} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" className={btn} disabled={none}>
            Flag
          </button>
        </form>
      )}

      {notice && (
        <p
          role="status"
          data-testid="bulk-notice"
          className={`text-sm ${notice.tone === "error" ? "text-red-700 dark:text-red-400" : "text-green-800 dark:text-green-300"}`}
        >
          {notice.text}
        </p>
      )}
    </section>
  );
}
