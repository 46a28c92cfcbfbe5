"use client";
// The review page's progress: cards done and left today, and the time left
// at the learner's own pace (their mean seconds per card); and, when the
// queue is empty, what this study session did.
import { useEffect, useState } from "react";
import Link from "next/link";
import type { QueueDto } from "@/lib/api/review-dto";
import type { SessionSummary } from "@/lib/services/study-actions";
import { callApi } from "@/app/api-client";

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m < 1 ? "under a minute" : m === 1 ? "about 1 minute" : `about ${m} minutes`;
}

export function ProgressBar({ queue }: { queue: QueueDto }) {
  const left = queue.counts.new + queue.counts.learning + queue.counts.review;
  const done = queue.answersToday;
  const total = done + left;
  const eta = queue.secondsPerCard !== null && left > 0 ? minutes(left * queue.secondsPerCard * 1000) : null;
  return (
    <div className="mb-4" data-testid="session-progress">
      {/* SVG attributes, not a style attribute: the CSP allows no inline styles. */}
      <svg
        viewBox="0 0 100 1"
        preserveAspectRatio="none"
        className="block h-1.5 w-full overflow-hidden rounded bg-stone-200 dark:bg-stone-800"
        role="progressbar"
        aria-label="Today's reviews"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <rect x="0" y="0" height="1" width={total === 0 ? 100 : (done / total) * 100} className="fill-green-700 dark:fill-green-500" />
      </svg>
      <p className="mt-1 text-xs text-stone-500 tabular-nums">
        {done} done · {left} left today{eta ? ` · ${eta} left at your pace (${queue.secondsPerCard} s a card)` : ""}
      </p>
    </div>
  );
}

export function SessionSummaryView({ sessionId, refreshKey }: { sessionId: string; refreshKey: number }) {
  const [s, setS] = useState<SessionSummary | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey (one per card shown) re-reads the summary after each action
  useEffect(() => {
    if (!sessionId) return;
    void callApi<SessionSummary>(`/api/v1/reviews/session?${new URLSearchParams({ sessionId })}`).then((r) => setS(r.ok ? r.data : null));
  }, [sessionId, refreshKey]);
  if (!s || s.cards + s.suspended + s.buried === 0) return null;
  const mins = Math.floor(s.timeMs / 60_000);
  const secs = String(Math.round((s.timeMs % 60_000) / 1000)).padStart(2, "0");
  return (
    <div className="mt-4 rounded-lg bg-stone-100 p-3 text-sm dark:bg-stone-800" data-testid="session-summary">
      <p>
        This session: <strong>{s.cards}</strong> card{s.cards === 1 ? "" : "s"} in {mins}:{secs}, Again {Math.round(s.againRate * 100)}%
        {s.suspended > 0 ? `, ${s.suspended} suspended` : ""}
        {s.buried > 0 ? `, ${s.buried} buried` : ""}.
      </p>
      {s.leeches.length > 0 && (
        <p className="mt-1">
          Leeches (suspended after many lapses):{" "}
          {s.leeches.map((l, i) => (
            <span key={l.id}>
              {i > 0 && ", "}
              <Link href={`/cards/${l.id}`} className="underline">
                {l.name}
              </Link>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
