"use client";
// "in 3 hours (Tue 30 Nov, 04:00)" in the reader's locale and time zone. The
// server does not know either, so the text appears after hydration.
import { useEffect, useState } from "react";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export function relativeLabel(ms: number, now: number): string {
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const d = ms - now;
  const abs = Math.abs(d);
  if (abs < MIN) return d >= 0 ? "in under a minute" : "just now";
  if (abs < HOUR) return rtf.format(Math.round(d / MIN), "minute");
  if (abs < DAY) return rtf.format(Math.round(d / HOUR), "hour");
  return rtf.format(Math.round(d / DAY), "day");
}

export function absoluteLabel(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

/** Re-renders every `tickMs` so relative labels stay true. */
export function useNow(tickMs = 30_000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(t);
  }, [tickMs]);
  return now;
}

export function TimeUntil({ iso }: { iso: string }) {
  const now = useNow();
  const ms = Date.parse(iso);
  return (
    <time dateTime={iso} title={iso}>
      {now === null ? "…" : `${relativeLabel(ms, now)} (${absoluteLabel(ms)})`}
    </time>
  );
}
