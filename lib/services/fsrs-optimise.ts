/**
 * Optimising FSRS on the learner's own history (issue 15): start a fit in a
 * worker, follow its progress, cancel it, apply or discard its result, and
 * restore an earlier parameter set.
 *
 * One fit at a time per server process; jobs live in memory (on globalThis,
 * like the database connection, so every Next.js bundle sees the same ones).
 * A server restart forgets a finished fit that was not applied: nothing was
 * written, so nothing is lost but the wait.
 *
 * Applying is one transaction: the ParameterSet history (with the parameters
 * in force before the first optimised set, so defaults can be restored) and
 * the new weights in Settings. It is refused when the weights changed since
 * the fit started — the comparison shown would no longer be "current".
 */
import { randomUUID } from "node:crypto";
import { buildTrainingSet, packTrainingSet } from "../fsrs-fit/items";
import { healthCheck, type HealthIssue } from "../fsrs-fit/health";
import { runFit, type FitResult, type RunningFit } from "../fsrs-fit/fit-runner";
import { readTrainingHistoryPage, type HistoryRow, type HistorySource } from "../db/fsrs-history";
import { countParameterSets, getParameterSet, insertParameterSet, listParameterSets, type ParameterSetRow } from "../db/parameter-sets";
import { getSettings, patchSettings } from "./settings";
import { deckPreset, deckPresetByKey, writeDeckPreset } from "../db/deck-presets";
import { inWriteTransaction } from "../db/sqlite";
import { parseSteps } from "../srs";

export type JobStatus = "running" | "done" | "cancelled" | "failed" | "applied" | "discarded";

export interface OptimisationJob {
  id: string;
  status: JobStatus;
  startedAt: Date;
  finishedAt: Date | null;
  progress: { current: number; total: number };
  reviews: Record<HistorySource, number>;
  items: number;
  health: HealthIssue[];
  /** The deck whose preset the fit is for (its cards' history only), or null: all history, global parameters. */
  deck: { id: number; key: string } | null;
  /** The stored weights when the fit started — the deck preset's (null: it uses the global ones) or the
   * global ones (null: FSRS-6 defaults). Applying is refused if they changed meanwhile. */
  baseWeights: number[] | null;
  /** The weights the comparison's "current" uses (a deck without its own: the global ones). */
  currentWeights: number[] | null;
  result: FitResult | null;
  error: string | null;
}

type Registry = { jobs: Map<string, { job: OptimisationJob; run: RunningFit | null }>; latest: string | null };
const registry = ((globalThis as unknown as { __cardinalFits?: Registry }).__cardinalFits ??= { jobs: new Map(), latest: null });

const view = (job: OptimisationJob): OptimisationJob => structuredClone(job);
const sameWeights = (a: readonly number[] | null, b: readonly number[] | null) => JSON.stringify(a) === JSON.stringify(b);

export type StartOutcome =
  | { kind: "not-found" }
  | { kind: "started"; job: OptimisationJob }
  | { kind: "conflict"; job: OptimisationJob }
  | { kind: "invalid"; reason: "no-items"; job: OptimisationJob };

const PAGE = 10_000;
/** Lets other requests run between steps of preparing a fit. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads the history and starts the fit. Everything before the fit runs on
 * the request thread, so it is done in steps (pages of 10,000 reviews, then
 * building items) with the event loop free in between: a request arriving
 * meanwhile waits for one step, not for all of them.
 *
 * `clock` stamps when the fit finishes (a parameter so tests can pin it).
 */
export async function startOptimisation(now: Date, clock: () => Date = () => new Date(), deckKey: string | null = null): Promise<StartOutcome> {
  for (const { job } of registry.jobs.values()) if (job.status === "running") return { kind: "conflict", job: view(job) };
  const deck = deckKey === null ? null : deckPresetByKey(deckKey);
  if (deckKey !== null && deck === null) return { kind: "not-found" };
  const settings = getSettings();
  const baseWeights = deck ? deck.preset.weights : settings.weights;
  const currentWeights = deck?.preset.weights ?? settings.weights;
  const job: OptimisationJob = {
    id: randomUUID(),
    status: "running",
    startedAt: now,
    finishedAt: null,
    progress: { current: 0, total: 0 },
    reviews: { review: 0, quiz: 0, imported: 0 },
    items: 0,
    health: [],
    deck: deck && deckKey !== null ? { id: deck.deckId, key: deckKey } : null,
    baseWeights,
    currentWeights,
    result: null,
    error: null,
  };
  // Forget older finished jobs: only the latest one is shown or applied.
  for (const [id, j] of registry.jobs) if (j.job.status !== "running") registry.jobs.delete(id);
  registry.jobs.set(job.id, { job, run: null }); // "running" from now on: a second start is a conflict
  registry.latest = job.id;

  const rows: HistoryRow[] = [];
  try {
    let from: { table: "own" | "imported"; afterId: number } | null = { table: "own", afterId: -Infinity };
    while (from) {
      const page = readTrainingHistoryPage(from, PAGE, deck?.deckId ?? null);
      for (const r of page.rows) rows.push(r);
      from = page.next;
      await yieldToLoop();
    }
  } catch (e) {
    job.status = "failed";
    job.error = (e as Error).message;
    job.finishedAt = clock();
    throw e;
  }
  const set = buildTrainingSet(rows, { timeZone: settings.timezone, dayStartHour: settings.dayStartHour });
  await yieldToLoop();
  for (const r of rows) job.reviews[r.source]++;
  job.items = set.items.length;
  job.health = healthCheck(
    rows.map((r) => ({ rating: r.rating, state: r.state, selfRated: r.source !== "quiz" })),
    set.items.length,
  );
  if (set.items.length === 0) {
    job.status = "failed";
    job.finishedAt = now;
    return { kind: "invalid", reason: "no-items", job: view(job) };
  }
  const run = runFit(packTrainingSet(set), {
    current: currentWeights,
    numRelearningSteps: parseSteps(settings.relearningSteps).length,
    onProgress: (current, total) => {
      job.progress = { current, total };
    },
  });
  registry.jobs.set(job.id, { job, run });
  void run.done.then((outcome) => {
    const entry = registry.jobs.get(job.id);
    if (entry) entry.run = null;
    job.finishedAt = clock();
    if (outcome.kind === "done") {
      job.status = "done";
      job.result = outcome.result;
      job.progress = { current: job.progress.total || 1, total: job.progress.total || 1 };
    } else if (outcome.kind === "cancelled") job.status = "cancelled";
    else {
      job.status = "failed";
      job.error = outcome.message;
    }
  });
  return { kind: "started", job: view(job) };
}

export function getOptimisation(id: string): OptimisationJob | null {
  const e = registry.jobs.get(id);
  return e ? view(e.job) : null;
}

/** The latest job (running or finished), if any. */
export function latestOptimisation(): OptimisationJob | null {
  return registry.latest ? getOptimisation(registry.latest) : null;
}

/** Resolves when the job is no longer running (for the CLI and tests). */
export async function settled(id: string): Promise<OptimisationJob | null> {
  const e = registry.jobs.get(id);
  if (e?.run) await e.run.done;
  // The .then above runs before ours: it was attached first.
  await Promise.resolve();
  return getOptimisation(id);
}

export type CancelOutcome = { kind: "not-found" } | { kind: "conflict"; job: OptimisationJob } | { kind: "cancelling"; job: OptimisationJob };

export function cancelOptimisation(id: string): CancelOutcome {
  const e = registry.jobs.get(id);
  if (!e) return { kind: "not-found" };
  if (e.job.status !== "running" || !e.run) return { kind: "conflict", job: view(e.job) };
  e.run.cancel();
  return { kind: "cancelling", job: view(e.job) };
}

export type ApplyOutcome =
  | { kind: "not-found" }
  | { kind: "conflict"; reason: "not-finished" | "weights-changed"; job: OptimisationJob }
  | { kind: "applied"; job: OptimisationJob; parameterSetId: number };

export function applyOptimisation(id: string, now: Date): ApplyOutcome {
  const e = registry.jobs.get(id);
  if (!e) return { kind: "not-found" };
  const { job } = e;
  if (job.status !== "done" || !job.result) return { kind: "conflict", reason: "not-finished", job: view(job) };
  const result = job.result;
  const deckId = job.deck?.id ?? null;
  const parameterSetId = inWriteTransaction((): number | null => {
    const preset = deckId === null ? null : deckPreset(deckId);
    if (!sameWeights(preset ? preset.weights : getSettings().weights, job.baseWeights)) return null;
    if (countParameterSets(deckId) === 0) {
      insertParameterSet({ weights: job.baseWeights, source: "previous", logLoss: null, rmseBins: null, items: null, appliedAt: now, deckId });
    }
    const setId = insertParameterSet({
      weights: result.parameters,
      source: "optimised",
      logLoss: result.fitted.logLoss,
      rmseBins: result.fitted.rmseBins,
      items: job.items,
      appliedAt: now,
      deckId,
    });
    setWeights(deckId, result.parameters, now);
    return setId;
  });
  if (parameterSetId === null) return { kind: "conflict", reason: "weights-changed", job: view(job) };
  job.status = "applied";
  return { kind: "applied", job: view(job), parameterSetId };
}

export type DiscardOutcome = { kind: "not-found" } | { kind: "conflict"; job: OptimisationJob } | { kind: "discarded"; job: OptimisationJob };

export function discardOptimisation(id: string): DiscardOutcome {
  const e = registry.jobs.get(id);
  if (!e) return { kind: "not-found" };
  if (e.job.status !== "done") return { kind: "conflict", job: view(e.job) };
  e.job.status = "discarded";
  return { kind: "discarded", job: view(e.job) };
}

export interface ParameterHistory {
  current: number[] | null;
  sets: ParameterSetRow[];
}

/** The global history, or one deck's (its preset's weights: null = it uses the global ones). */
export function parameterHistory(deckId: number | null = null): ParameterHistory {
  const current = deckId === null ? getSettings().weights : (deckPreset(deckId)?.weights ?? null);
  return { current, sets: listParameterSets(deckId) };
}

export type HistoryOutcome = { kind: "not-found" } | { kind: "ok"; history: ParameterHistory };

export function parameterHistoryFor(deckKey: string | null): HistoryOutcome {
  if (deckKey === null) return { kind: "ok", history: parameterHistory() };
  const deck = deckPresetByKey(deckKey);
  return deck ? { kind: "ok", history: parameterHistory(deck.deckId) } : { kind: "not-found" };
}

/** Writes the weights where a set belongs: the global settings, or a deck's preset (its retention kept). */
function setWeights(deckId: number | null, weights: number[] | null, now: Date): void {
  if (deckId === null) {
    const r = patchSettings({ weights }, now);
    if (!r.ok) throw new Error(`weights refused by the settings schema: ${r.error.message}`);
    return;
  }
  const preset = deckPreset(deckId);
  if (preset) writeDeckPreset(deckId, { desiredRetention: preset.desiredRetention, weights }, now);
}

export type RestoreOutcome = { kind: "not-found" } | { kind: "restored"; weights: number[] | null; parameterSetId: number };

export function restoreParameterSet(id: number, now: Date): RestoreOutcome {
  return inWriteTransaction((): RestoreOutcome => {
    const set = getParameterSet(id);
    if (!set) return { kind: "not-found" };
    setWeights(set.deckId, set.weights, now);
    const parameterSetId = insertParameterSet({
      weights: set.weights,
      source: "restored",
      logLoss: set.logLoss,
      rmseBins: set.rmseBins,
      items: set.items,
      appliedAt: now,
      deckId: set.deckId,
    });
    return { kind: "restored", weights: set.weights, parameterSetId };
  });
}
