"use client";
// Bring a card back from the card page: unsuspend, unbury (or suspend it).
// Each goes on this tab's study session, so U on the review page — or the
// Undo here — takes it back.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { api, studySessionId, type UndoTarget } from "@/app/review/api";

export function CardActions({ cardId, suspended, buried }: { cardId: number; suspended: boolean; buried: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; undo: UndoTarget | null } | null>(null);

  const run = async (what: string, call: () => ReturnType<typeof api.bury>) => {
    setBusy(true);
    const r = await call();
    setBusy(false);
    setNotice(r.ok ? { text: what, undo: r.data.undo } : { text: `Failed: ${r.error}`, undo: null });
    router.refresh();
  };
  const undo = async (t: UndoTarget) => {
    setBusy(true);
    const r = await api.undo(studySessionId(), t.id, null);
    setBusy(false);
    setNotice({ text: r.ok ? `Undid ${r.data.undone.label}.` : `Undo failed: ${r.error}`, undo: null });
    router.refresh();
  };
  const button = "rounded-lg border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";

  return (
    <div className="space-y-2" data-testid="card-actions">
      <div className="flex flex-wrap gap-2">
        {suspended ? (
          <button
            type="button"
            className={button}
            disabled={busy}
            onClick={() => void run("Card unsuspended: it is back in reviews.", () => api.suspend(cardId, false, studySessionId(), null))}
          >
            Unsuspend
          </button>
        ) : (
          <button
            type="button"
            className={button}
            disabled={busy}
            onClick={() => void run("Card suspended.", () => api.suspend(cardId, true, studySessionId(), null))}
          >
            Suspend
          </button>
        )}
        {buried && (
          <button
            type="button"
            className={button}
            disabled={busy}
            onClick={() => void run("Card unburied: it can be shown today.", () => api.bury(cardId, false, studySessionId(), null))}
          >
            Unbury
          </button>
        )}
      </div>
      <div role="status" aria-live="polite" className="min-h-[1.5rem] text-sm">
        {notice && (
          <p className="flex flex-wrap items-center gap-3">
            <span>{notice.text}</span>
            {notice.undo && (
              <button type="button" className="underline" disabled={busy} onClick={() => void undo(notice.undo!)}>
                Undo {notice.undo.label}
              </button>
            )}
          </p>
        )}
      </div>
    </div>
  );
}
