"use client";
// "Your memory model": fit FSRS to your own history (progress bar, cancel),
// compare current and fitted parameters on the same reviews, read the health
// check, apply or discard, and restore an earlier parameter set.
import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { OptimisationJobDto, ParameterSetDto } from "@/lib/api/fsrs-dto";
import { healthIssueInWords, improvementInWords } from "@/lib/fsrs-fit/words";
import { applyFit, cancelFit, discardFit, readFit, readParameterSets, restoreSet, startFit } from "./fsrs-api";

const POLL_MS = 250;
const button = "rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2";
const primary = `${button} bg-red-700 text-white hover:bg-red-800 dark:bg-red-600 dark:hover:bg-red-500`;
const secondary = `${button} border border-stone-300 bg-white text-stone-800 hover:bg-stone-50 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100`;
const f4 = (x: number) => x.toFixed(4);
const n = (x: number) => x.toLocaleString("en-US");

function when(iso: string) {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

function setLabel(s: ParameterSetDto) {
  if (s.source === "previous") return s.weights ? "Parameters in use before optimising" : "FSRS-6 defaults (before optimising)";
  if (s.source === "restored") return s.weights ? "Restored an earlier set" : "Restored FSRS-6 defaults";
  const fit = s.logLoss !== null && s.rmseBins !== null ? ` (log loss ${f4(s.logLoss)}, RMSE ${f4(s.rmseBins)})` : "";
  return `Optimised${fit}`;
}

export function OptimisePanel({
  initialJob,
  initialSets,
  current,
  decks,
}: {
  initialJob: OptimisationJobDto | null;
  initialSets: ParameterSetDto[];
  current: number[] | null;
  decks: { key: string; title: string; weights: number[] | null }[];
}) {
  const router = useRouter();
  // "" = all history for the global parameters; a deck key = that deck's cards for its preset.
  const [scope, setScope] = useState(initialJob?.deck?.key ?? "");
  const deck = decks.find((d) => d.key === scope) ?? null;
  const [job, setJob] = useState<OptimisationJobDto | null>(initialJob);
  const [sets, setSets] = useState(initialSets);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const poll = useCallback((id: string) => {
    timer.current = setTimeout(async () => {
      const r = await readFit(id);
      if (!r.ok) return setMessage({ text: `Could not follow the fit: ${r.error}`, error: true });
      setJob(r.data.job);
      if (r.data.job.status === "running") poll(id);
      else if (r.data.job.status === "cancelled") setMessage({ text: "Cancelled. Nothing was changed.", error: false });
      else if (r.data.job.status === "failed") setMessage({ text: `The fit failed: ${r.data.job.error ?? "unknown error"}`, error: true });
    }, POLL_MS);
  }, []);

  useEffect(() => {
    if (initialJob?.status === "running") poll(initialJob.id);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [initialJob, poll]);

  async function refreshSets(forScope = scope) {
    const r = await readParameterSets(forScope || null);
    if (r.ok) setSets(r.data.sets);
    router.refresh(); // the form above shows the weights in use
  }

  async function onScope(next: string) {
    setScope(next);
    setMessage(null);
    await refreshSets(next);
  }

  async function onOptimise() {
    setMessage(null);
    setBusy(true);
    const r = await startFit(scope || null);
    setBusy(false);
    const replied = r.ok ? r.data.job : ((r.details as { job?: OptimisationJobDto } | null)?.job ?? null);
    if (replied) setJob(replied);
    if (!r.ok)
      return setMessage({ text: r.status === 422 ? "Nothing to learn from yet: review some cards on more than one day first." : r.error, error: true });
    poll(r.data.job.id);
  }

  async function onCancel() {
    if (!job) return;
    const r = await cancelFit(job.id);
    if (!r.ok && r.status !== 409) setMessage({ text: r.error, error: true });
  }

  async function onApply() {
    if (!job) return;
    setBusy(true);
    const r = await applyFit(job.id);
    setBusy(false);
    if (!r.ok) return setMessage({ text: `Not applied: ${r.error}.`, error: true });
    setJob(r.data.job);
    setMessage({
      text: "Applied. Your next answers are scheduled with the fitted parameters; to move cards already scheduled, reschedule them below.",
      error: false,
    });
    await refreshSets();
  }

  async function onDiscard() {
    if (!job) return;
    const r = await discardFit(job.id);
    if (!r.ok) return setMessage({ text: r.error, error: true });
    setJob(r.data.job);
    setMessage({ text: "Discarded. Your parameters are unchanged.", error: false });
  }

  async function onRestore(s: ParameterSetDto) {
    setBusy(true);
    const r = await restoreSet(s.id);
    setBusy(false);
    if (!r.ok) return setMessage({ text: r.error, error: true });
    setMessage({ text: `Restored: ${s.weights ? "that parameter set" : "FSRS-6 defaults"} is in use from your next answer.`, error: false });
    await refreshSets();
  }

  const running = job?.status === "running";
  const result = job?.result && (job.status === "done" || job.status === "applied") ? job.result : null;
  const pct = job && job.progress.total > 0 ? Math.round((100 * job.progress.current) / job.progress.total) : 0;

  return (
    <section aria-labelledby="model-heading" className="mt-10 rounded-lg border border-stone-200 p-4 dark:border-stone-800">
      <h2 id="model-heading" className="text-lg font-semibold">
        Your memory model
      </h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        In use{deck ? ` for ${deck.title}` : ""}:{" "}
        <strong data-testid="weights-in-use">
          {deck ? (deck.weights ? "the deck’s own parameters" : "the global parameters") : current ? "your own parameters" : "FSRS-6 defaults"}
        </strong>
        . Optimising fits FSRS to your own reviews and quiz answers (and imported Anki reviews), then shows how well each set predicts what you actually
        remembered before you choose.
      </p>
      {decks.length > 0 && (
        <div className="mt-3">
          <label htmlFor="optimise-scope" className="block text-sm font-medium">
            Optimise for
          </label>
          <select
            id="optimise-scope"
            value={scope}
            onChange={(e) => void onScope(e.target.value)}
            disabled={running}
            className="mt-1 h-10 w-full max-w-sm rounded-md border border-stone-300 bg-white px-3 text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
          >
            <option value="">All decks (global parameters, all history)</option>
            {decks.map((d) => (
              <option key={d.key} value={d.key}>
                {d.title} (its preset, its cards only)
              </option>
            ))}
          </select>
        </div>
      )}

      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="button" className={primary} onClick={onOptimise} disabled={busy || running}>
          {running ? "Optimising…" : "Optimise"}
        </button>
        {running && (
          <button type="button" className={secondary} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>

      {running && job && (
        <div className="mt-4">
          <div
            role="progressbar"
            aria-label="Optimising"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            className="h-2 w-full overflow-hidden rounded bg-stone-200 dark:bg-stone-800"
          >
            <div className="h-full bg-red-700 transition-[width] dark:bg-red-500" style={{ width: `${Math.max(pct, 3)}%` }} />
          </div>
          <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
            Fitting on {n(job.reviews.review + job.reviews.quiz + job.reviews.imported)} answers… {pct}%
          </p>
        </div>
      )}

      {job && !running && job.health.length > 0 && (
        <ul className="mt-4 space-y-2" aria-label="Health check">
          {job.health.map((h) => (
            <li
              key={h.code}
              className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
            >
              {healthIssueInWords(h)}
            </li>
          ))}
        </ul>
      )}

      {result && job && (
        <div className="mt-4" data-testid="fit-result">
          <p className="text-sm">
            Trained on {n(job.reviews.review)} reviews, {n(job.reviews.quiz)} quiz answers
            {job.reviews.imported > 0 ? ` and ${n(job.reviews.imported)} imported Anki reviews` : ""} ({n(job.items)} predictions checked).
          </p>
          <div className="mt-2 overflow-x-auto">
            <table className="text-sm">
              <thead>
                <tr className="text-left text-stone-600 dark:text-stone-400">
                  <th className="py-1 pr-6 font-medium" scope="col">
                    On your reviews
                  </th>
                  <th className="py-1 pr-6 font-medium" scope="col">
                    Log loss
                  </th>
                  <th className="py-1 font-medium" scope="col">
                    RMSE (bins)
                  </th>
                </tr>
              </thead>
              <tbody className="tabular-nums">
                <tr>
                  <th scope="row" className="py-1 pr-6 text-left font-normal">
                    {job.currentWeights ? "Current parameters" : "Current (FSRS-6 defaults)"}
                  </th>
                  <td className="py-1 pr-6">{f4(result.current.logLoss)}</td>
                  <td className="py-1">{f4(result.current.rmseBins)}</td>
                </tr>
                <tr>
                  <th scope="row" className="py-1 pr-6 text-left font-normal">
                    Fitted parameters
                  </th>
                  <td className="py-1 pr-6">{f4(result.fitted.logLoss)}</td>
                  <td className="py-1">{f4(result.fitted.rmseBins)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <p className="mt-2 text-sm font-medium" data-testid="fit-words">
            {improvementInWords(result.current, result.fitted)}
          </p>
          <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">Lower is better for both. Measured on the same reviews the fit learned from.</p>
          {job.status === "done" && (
            <div className="mt-3 flex flex-wrap gap-3">
              <button type="button" className={primary} onClick={onApply} disabled={busy}>
                Apply fitted parameters
              </button>
              <button type="button" className={secondary} onClick={onDiscard} disabled={busy}>
                Discard
              </button>
            </div>
          )}
        </div>
      )}

      <p
        role="status"
        aria-live="polite"
        className={`mt-3 text-sm ${message?.error ? "text-red-700 dark:text-red-400" : "text-green-700 dark:text-green-400"}`}
      >
        {message?.text}
      </p>

      {sets.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold">Parameter history</h3>
          <ul className="mt-2 divide-y divide-stone-200 text-sm dark:divide-stone-800" aria-label="Parameter history">
            {sets.map((s, i) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {setLabel(s)} <span className="text-stone-600 dark:text-stone-400">· {when(s.appliedAt)}</span>
                  {i === 0 && <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs dark:bg-stone-800">in use</span>}
                </span>
                {i > 0 && (
                  <button type="button" className={`${secondary} px-3 py-1`} onClick={() => onRestore(s)} disabled={busy}>
                    Restore
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
