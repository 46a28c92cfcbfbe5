/**
 * Runs a fit in a worker_thread (fit-worker.mjs), so a request that starts a
 * fit returns at once and the server keeps answering while fsrs-rs works.
 * The training set crosses as transferable typed arrays (no copy).
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

// Resolved from the project root, not import.meta.url: Next.js bundles this
// module and would rewrite that URL; npm scripts, Vitest and `next start` all
// run from the root.
const WORKER = path.join(process.cwd(), "lib/fsrs-fit/fit-worker.mjs");

export function runFit(
  packed: PackedTrainingSet,
  o: { current: readonly number[] | null; numRelearningSteps?: number; onProgress?: (current: number, total: number) => void },
): RunningFit {
  const worker = new Worker(WORKER);
  let settled = false;
  const done = new Promise<FitOutcome>((resolve) => {
    const finish = (outcome: FitOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
      void worker.terminate();
    };
    worker.on("message", (m: { type: string; current?: unknown; total?: number; parameters?: number[]; fitted?: Metrics; message?: string }) => {
      if (m.type === "progress") o.onProgress?.(m.current as number, m.total!);
      else if (m.type === "done") finish({ kind: "done", result: { parameters: m.parameters!, current: m.current as Metrics, fitted: m.fitted! } });
      else if (m.type === "cancelled") finish({ kind: "cancelled" });
      else finish({ kind: "failed", message: m.message ?? "the fit failed" });
    });
    worker.on("error", (e) => finish({ kind: "failed", message: e.message }));
    worker.on("exit", (code) => finish({ kind: "failed", message: `the fit stopped (exit ${code})` }));
  });
  worker.postMessage(
    { type: "fit", packed, current: o.current ? [...o.current] : null, numRelearningSteps: o.numRelearningSteps },
    [packed.ratings.buffer, packed.deltas.buffer, packed.starts.buffer, packed.lengths.buffer] as ArrayBuffer[],
  );
  return { done, cancel: () => worker.postMessage({ type: "cancel" }) };
}
