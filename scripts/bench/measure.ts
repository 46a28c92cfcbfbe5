// Timing helpers. Each sample times one call with performance.now(); the
// warm-up runs first and is thrown away (JIT, page cache, prepared-statement
// caches, Intl time-zone data all settle during it).

export type Summary = { p50: number; p95: number; n: number };

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), n: s.length };
}

export type Plan = { warmup: number; iterations: number };

/** Times `fn(i)` for i = 0..warmup+iterations-1, keeping the last `iterations`. */
export async function time(plan: Plan, fn: (i: number) => unknown): Promise<Summary> {
  const ms: number[] = [];
  for (let i = 0; i < plan.warmup + plan.iterations; i++) {
    const t = performance.now();
    await fn(i);
    const dt = performance.now() - t;
    if (i >= plan.warmup) ms.push(dt);
  }
  return summarize(ms);
}

/**
 * Times two functions alternately (a, b, b, a, a, b, ...), so that slow drift
 * during the run — WAL growth and checkpoints, GC pressure — lands on both
 * equally; their ratio is then a fair comparison.
 */
export function timePair(plan: Plan, a: (i: number) => unknown, b: (i: number) => unknown): [Summary, Summary] {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < plan.warmup + plan.iterations; i++) {
    const order: [(i: number) => unknown, number[]][] =
      i % 2 === 0
        ? [
            [a, ta],
            [b, tb],
          ]
        : [
            [b, tb],
            [a, ta],
          ];
    for (const [fn, out] of order) {
      const t = performance.now();
      fn(i);
      const dt = performance.now() - t;
      if (i >= plan.warmup) out.push(dt);
    }
  }
  return [summarize(ta), summarize(tb)];
}
