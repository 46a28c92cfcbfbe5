/**
 * Runs a fit in a worker_thread (fit-worker.mjs), so a request that starts a
 * fit returns at once and the server keeps answering while fsrs-rs works.
 * The training set crosses as transferable typed arrays (no copy).
 *
 * One long-lived worker per process, one fit at a time (the service allows
 * one). It is never terminated — see fit-worker.mjs — and is unref'd while
 * idle so it does not keep a CLI or test process alive.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Metrics } from "./binding";
import type { PackedTrainingSet } from "./items";

export interface FitResult {
  parameters: number[];
  /** Current parameters (null: FSRS-6 defaults) on the same items. */
  current: Metrics;
  fitted: Metrics;
}

export type FitOutcome = { kind: "done"; result: FitResult } | { kind: "cancelled" } | { kind: "failed"; message: string };

export interface RunningFit {
  done: Promise<FitOutcome>;
  cancel(): void;
}

type Message = { type: string; current?: unknown; total?: number; parameters?: number[]; fitted?: Metrics; message?: string };

// Resolved from the project root, not import.meta.url: Next.js bundles this
// module and would rewrite that URL; npm scripts, Vitest and `next start` all
// run from the root.
const WORKER = path.join(process.cwd(), "lib/fsrs-fit/fit-worker.mjs");

type Holder = { worker: Worker | null; listener: ((m: Message) => void) | null; onGone: ((message: string) => void) | null };
const holder = ((globalThis as unknown as { __cardinalFitWorker?: Holder }).__cardinalFitWorker ??= { worker: null, listener: null, onGone: null });

function worker(): Worker {
  if (holder.worker) return holder.worker;
  const w = new Worker(WORKER);
  const gone = (message: string) => {
    if (holder.worker === w) holder.worker = null;
    holder.onGone?.(message);
  };
  w.on("message", (m: Message) => holder.listener?.(m));
  w.on("error", (e) => gone(e.message));
  w.on("exit", (code) => gone(`the fit worker stopped (exit ${code})`));
  w.unref();
  holder.worker = w;
  return w;
}

export function runFit(
  packed: PackedTrainingSet,
  o: { current: readonly number[] | null; numRelearningSteps?: number; onProgress?: (current: number, total: number) => void },
): RunningFit {
  const w = worker();
  const done = new Promise<FitOutcome>((resolve) => {
    const finish = (outcome: FitOutcome) => {
      holder.listener = null;
      holder.onGone = null;
      w.unref();
      resolve(outcome);
    };
    holder.listener = (m) => {
      if (m.type === "progress") o.onProgress?.(m.current as number, m.total!);
      else if (m.type === "done") finish({ kind: "done", result: { parameters: m.parameters!, current: m.current as Metrics, fitted: m.fitted! } });
      else if (m.type === "cancelled") finish({ kind: "cancelled" });
      else finish({ kind: "failed", message: m.message ?? "the fit failed" });
    };
    holder.onGone = (message) => finish({ kind: "failed", message });
  });
  w.ref(); // keep the process alive until the fit ends
  w.postMessage({ type: "fit", packed, current: o.current ? [...o.current] : null, numRelearningSteps: o.numRelearningSteps }, [
    packed.ratings.buffer,
    packed.deltas.buffer,
    packed.starts.buffer,
    packed.lengths.buffer,
  ] as ArrayBuffer[]);
  return { done, cancel: () => w.postMessage({ type: "cancel" }) };
}
