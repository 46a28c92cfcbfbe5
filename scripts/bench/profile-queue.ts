// Where the queue fetch's time goes: getQueue (lib/db/queue.ts) reports the
// end of each of its steps through its `lap` hook, so this times the real
// code, not a replay of it.
import { summarize, type Plan } from "./measure";
import type { Profile } from "./profile";

export async function profileQueue(deckId: number | null, now: Date, plan: Plan): Promise<Profile> {
  const { getQueue } = await import("../../lib/db/queue");

  const t: Record<string, number[]> = {};
  let mark = 0;
  // Step names can carry counts ("toCardRow (340 rows)"): keep the first name seen per position.
  let names: string[] = [];
  let at = 0;
  const lap = (step: string) => {
    const x = performance.now();
    const name = (names[at] ??= step);
    (t[name] ??= []).push(x - mark);
    at += 1;
    mark = x;
  };
  for (let i = 0; i < plan.warmup + plan.iterations; i++) {
    if (i === plan.warmup) (names = [], Object.keys(t).forEach((k) => delete t[k]));
    at = 0;
    const t0 = (mark = performance.now());
    getQueue({ deckId, limit: 20, now, lap });
    (t["TOTAL"] ??= []).push(performance.now() - t0);
  }
  const out = Object.entries(t).map(([step, xs]) => ({ step, p50Ms: summarize(xs).p50, meanMs: xs.reduce((a, b) => a + b, 0) / xs.length, share: null as number | null }));
  const total = out.find((r) => r.step === "TOTAL")!.meanMs;
  for (const r of out) r.share = r.step === "TOTAL" ? null : r.meanMs / total;
  return out;
}
