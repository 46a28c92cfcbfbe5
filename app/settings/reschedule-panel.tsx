"use client";
// "Apply changes to existing cards": after a change of parameters or desired
// retention, preview the next 30 days' due counts with the cards as they are
// and as rescheduled from their history, then reschedule them all (one
// transaction) — and undo that (one transaction).
import { useEffect, useState } from "react";
import { XYChart } from "@/app/components/charts/xy-chart";
import type { ReschedulePreview } from "@/lib/services/fsrs-reschedule";
import { callApi } from "@/app/api-client";

type Last = { id: number; createdAt: string; count: number; undoneAt: string | null } | null;
type Reply = { preview: ReschedulePreview; last: Last };

const button = "rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60";
const primary = `${button} bg-red-700 text-white hover:bg-red-800 dark:bg-red-600 dark:hover:bg-red-500`;
const secondary = `${button} border border-stone-300 bg-white text-stone-800 hover:bg-stone-50 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100`;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function ReschedulePanel({ reloadKey }: { reloadKey: string }) {
  const [reply, setReply] = useState<Reply | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function load() {
    const r = await callApi<Reply>("/api/v1/fsrs/reschedule");
    if (r.ok) setReply(r.data);
    else setMessage({ text: `Could not preview: ${r.error}`, error: true });
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads when the parent bumps reloadKey; load reads the current settings itself
  useEffect(() => {
    void load();
  }, [reloadKey]);

  async function onApply() {
    setBusy(true);
    const r = await callApi<Reply & { batchId: number | null }>("/api/v1/fsrs/reschedule", {});
    setBusy(false);
    if (!r.ok) return setMessage({ text: r.error, error: true });
    setMessage({ text: `Rescheduled ${r.data.preview.changed} cards.`, error: false });
    await load();
  }

  async function onUndo(id: number) {
    setBusy(true);
    const r = await callApi<{ restored: number; keptAnswered: number }>(`/api/v1/fsrs/reschedule/${id}/undo`, {});
    setBusy(false);
    if (!r.ok) return setMessage({ text: r.error, error: true });
    const kept = r.data.keptAnswered > 0 ? ` ${r.data.keptAnswered} answered since keep their new schedule.` : "";
    setMessage({ text: `Undone: ${r.data.restored} cards are back on their previous due dates.${kept}`, error: false });
    await load();
  }

  const p = reply?.preview;
  const last = reply?.last && !reply.last.undoneAt ? reply.last : null;
  const data = p ? p.before.map((b, i) => ({ day: i, before: b, after: p.after[i]! })) : [];

  return (
    <section aria-labelledby="reschedule-heading" className="mt-10 rounded-lg border border-stone-200 p-4 dark:border-stone-800">
      <h2 id="reschedule-heading" className="text-lg font-semibold">
        Apply changes to existing cards
      </h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        New parameters or a new desired retention normally apply from each card’s next answer. Rescheduling replays every card’s answers with the current
        settings and moves its due date now.
      </p>
      {!p && <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">Working out the new schedule…</p>}
      {p && p.changed === 0 && (
        <p className="mt-3 text-sm" data-testid="reschedule-summary">
          {p.cards === 0 ? "No reviewed cards yet." : `All ${p.cards} reviewed cards are already scheduled with the current settings.`}
        </p>
      )}
      {p && p.changed > 0 && (
        <div className="mt-3 space-y-2">
          <p className="text-sm" data-testid="reschedule-summary">
            <strong>{p.changed}</strong> of {p.cards} reviewed cards would get new due dates: <strong>{sum(p.before)}</strong> due in the next 30 days now,{" "}
            <strong>{sum(p.after)}</strong> after rescheduling ({p.before[0]} → {p.after[0]} today).
          </p>
          <XYChart
            label="Cards due per day for the next 30 days, now and after rescheduling"
            data={data}
            x="day"
            xKind="number"
            xFormat={(d) => (d === 0 ? "today" : `+${d}d`)}
            xTitle={(d) => (Number(d) === 0 ? "today" : `in ${d} days`)}
            xLabel="days from today"
            yLabel="cards due"
            height={200}
            series={[
              { key: "before", name: "due now", color: "var(--chart-muted)", kind: "line" },
              { key: "after", name: "after rescheduling", color: "var(--chart-primary)", kind: "line" },
            ]}
          />
          <details className="text-sm">
            <summary className="cursor-pointer text-stone-600 dark:text-stone-400">Due per day as a table</summary>
            <table className="mt-2 text-xs tabular-nums">
              <thead>
                <tr>
                  <th scope="col" className="pr-4 text-left font-medium">
                    day
                  </th>
                  <th scope="col" className="pr-4 text-left font-medium">
                    due now
                  </th>
                  <th scope="col" className="text-left font-medium">
                    after rescheduling
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.day}>
                    <th scope="row" className="pr-4 text-left font-normal">
                      {d.day === 0 ? "today" : `+${d.day}`}
                    </th>
                    <td className="pr-4">{d.before}</td>
                    <td>{d.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <button type="button" className={primary} onClick={onApply} disabled={busy}>
            Reschedule {p.changed} cards
          </button>
        </div>
      )}
      {last && (
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
          <span>
            Last rescheduled {last.count} cards on {new Date(last.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}.
          </span>
          <button type="button" className={`${secondary} px-3 py-1`} onClick={() => onUndo(last.id)} disabled={busy}>
            Undo
          </button>
        </div>
      )}
      <p
        role="status"
        aria-live="polite"
        className={`mt-3 text-sm ${message?.error ? "text-red-700 dark:text-red-400" : "text-green-700 dark:text-green-400"}`}
      >
        {message?.text}
      </p>
    </section>
  );
}
