// Runs in a worker_thread (see fit-runner.ts): fits FSRS parameters with the
// binding and evaluates the current and fitted parameters on the same items,
// so the server's event loop stays free while fsrs-rs works. Plain JavaScript
// so that it runs unchanged under `next start`, tsx and Vitest.
//
// The worker is long-lived and runs one fit at a time: terminating it while
// fsrs-rs still holds its progress callback aborts the whole process (napi
// threadsafe-function assertion), so it is never terminated; a cancel only
// makes the next progress callback stop the fit.
//
// in:  { type: "fit", packed: PackedTrainingSet (items.ts), current: number[] | null, numRelearningSteps?: number }
//      { type: "cancel" }
// out: { type: "progress", current, total } | { type: "done", parameters, current, fitted }
//      | { type: "cancelled" } | { type: "error", message }
import { parentPort } from "node:worker_threads";
import { FSRSBinding, FSRSBindingItem, FSRSBindingReview, computeParameters } from "@open-spaced-repetition/binding";

let cancelled = false;
let busy = false;

const metrics = (items, parameters) => {
  const m = new FSRSBinding(parameters ?? undefined).evaluate(items);
  return { logLoss: m.logLoss, rmseBins: m.rmseBins };
};

parentPort.on("message", async (msg) => {
  if (msg.type === "cancel") {
    cancelled = true;
    return;
  }
  if (busy) return parentPort.postMessage({ type: "error", message: "a fit is already running" });
  busy = true;
  cancelled = false;
  try {
    const { ratings, deltas, starts, lengths } = msg.packed;
    // One review object per review; items are prefixes of their card's reviews.
    const reviews = Array.from(ratings, (r, i) => new FSRSBindingReview(r, deltas[i]));
    const items = Array.from(starts, (s, i) => new FSRSBindingItem(reviews.slice(s, s + lengths[i])));
    const parameters = await computeParameters(items, {
      enableShortTerm: true,
      ...(msg.numRelearningSteps !== undefined ? { numRelearningSteps: msg.numRelearningSteps } : {}),
      timeout: 10, // the binding's polling interval (ms); its default adds ~500 ms to every fit
      progress: (current, total) => {
        parentPort.postMessage({ type: "progress", current, total });
        return !cancelled; // false stops fsrs-rs
      },
    });
    if (cancelled) return parentPort.postMessage({ type: "cancelled" });
    parentPort.postMessage({ type: "done", parameters, current: metrics(items, msg.current), fitted: metrics(items, parameters) });
  } catch (e) {
    parentPort.postMessage(cancelled ? { type: "cancelled" } : { type: "error", message: String(e?.message ?? e) });
  } finally {
    busy = false;
  }
});
