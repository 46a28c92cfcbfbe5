// Where the queue fetch's time goes: each SQL statement getQueue
// (lib/db/queue.ts) runs is timed by wrapping the statement layer
// (./statement-timer.ts); the rest is JavaScript (buildQueue, previews).
import { summarize, type Plan } from "./measure";
import type { Profile } from "./profile";

export async function profileQueue(deckId: number | null, now: Date, plan: Plan): Promise<Profile> {
  const { getQueue } = await import("../../lib/services/queue");
  const { sqlite } = await import("../../lib/db/sqlite");
  const { timeStatements } = await import("./statement-timer");

  const t: Record<string, number[]> = {};
  const push = (step: string, ms: number) => {
    t[step] ??= [];
    t[step].push(ms);
  };
  const timer = timeStatements(sqlite());
  for (let i = 0; i < plan.warmup + plan.iterations; i++) {
    timer.times.clear();
    const t0 = performance.now();
    getQueue({ deckId, limit: 20, now });
    const total = performance.now() - t0;
    if (i < plan.warmup) continue;
    let inSql = 0;
    for (const [step, ms] of timer.times) {
      push(step, ms);
      inSql += ms;
    }
    push("JavaScript (buildQueue, previews, row mapping)", total - inSql);
    push("TOTAL", total);
  }
  timer.stop();
  const out = Object.entries(t).map(([step, xs]) => ({
    step,
    p50Ms: summarize(xs).p50,
    meanMs: xs.reduce((a, b) => a + b, 0) / xs.length,
    share: null as number | null,
  }));
  const total = out.find((r) => r.step === "TOTAL")!.meanMs;
  for (const r of out) r.share = r.step === "TOTAL" ? null : r.meanMs / total;
  return out;
}
