// The card browser at scale: searches and filters as a learner types them
// (browseCards: parse, compile, count + one page), and a bulk suspend of
// 10,000 cards with its undo. lib is imported after DATABASE_URL points at the
// bench file.
import { summarize, type Plan, type Summary } from "./measure";

/** A mix of what the browser is asked: full text, flags, props, sorts, a later page. */
export const BROWSE_QUERIES: { q: string; sort: "due" | "recall" | "stability" | "lapses" | "added"; dir: "asc" | "desc"; page: number }[] = [
  { q: "", sort: "due", dir: "asc", page: 1 },
  { q: "is:due", sort: "due", dir: "asc", page: 1 },
  { q: "t123", sort: "added", dir: "asc", page: 1 },
  { q: `"human feedback" -is:suspended`, sort: "due", dir: "asc", page: 1 },
  { q: "prop:lapses>3 deck:bench", sort: "lapses", dir: "desc", page: 1 },
  { q: "is:review prop:r<0.9", sort: "recall", dir: "asc", page: 1 },
  { q: "is:suspended topic:vocabulary", sort: "stability", dir: "desc", page: 2 },
  { q: "-is:new due:2020-01-01..2100-01-01", sort: "due", dir: "desc", page: 5 },
];

/**
 * The seeded collection gives every card the same text, so any word would
 * match all 100k: give each card the prompt and answer of one of the real
 * deck's cards instead (plus its number), as varied as real content is at least.
 */
export async function varyTexts(): Promise<number> {
  const t0 = performance.now();
  const { sqlite } = await import("../../lib/db/sqlite");
  const { buildDeck } = await import("../../lib/generate/build-deck");
  const pool = buildDeck("content/claude-character").cards.map((c) => ({ prompt: c.prompt, answer: c.answer }));
  const db = sqlite();
  const ids = db.prepare(`SELECT id FROM Card ORDER BY id`).pluck().all() as number[];
  const set = db.prepare(`UPDATE Card SET payload = ? WHERE id = ?`);
  db.transaction(() => {
    for (const [i, id] of ids.entries()) set.run(JSON.stringify({ ...pool[i % pool.length], prompt: `${pool[i % pool.length]!.prompt} (#${i})` }), id);
  })();
  return performance.now() - t0;
}

export async function timeBrowse(plan: Plan, now: Date): Promise<Summary> {
  const { browseCards } = await import("../../lib/services/browse");
  const ms: number[] = [];
  for (let i = 0; i < plan.warmup + plan.iterations; i++) {
    const input = BROWSE_QUERIES[i % BROWSE_QUERIES.length]!;
    const t = performance.now();
    const r = browseCards(input, now);
    const dt = performance.now() - t;
    if (!r.ok) throw new Error(`browse query ${input.q} failed: ${r.error}`);
    if (i >= plan.warmup) ms.push(dt);
  }
  return summarize(ms);
}

/** Suspends 10,000 live unsuspended cards in one bulk action (timed), then undoes it (not timed). */
export async function timeBulkSuspend(plan: Plan, now: Date, count = 10_000): Promise<Summary> {
  const { sqlite } = await import("../../lib/db/sqlite");
  const { runBulkAction } = await import("../../lib/services/bulk");
  const { undoInSession } = await import("../../lib/services/study-actions");
  const ids = sqlite().prepare(`SELECT id FROM Card WHERE retired = 0 AND suspended = 0 ORDER BY id LIMIT ?`).pluck().all(count) as number[];
  if (ids.length < count) throw new Error(`only ${ids.length} unsuspended cards; need ${count}`);
  const ms: number[] = [];
  for (let i = 0; i < plan.warmup + plan.iterations; i++) {
    const t = performance.now();
    const r = runBulkAction({ action: "suspend", target: { ids }, sessionId: "bench-bulk" }, now);
    const dt = performance.now() - t;
    if (!r.ok || r.result.changed !== count) throw new Error(`bulk suspend changed ${r.ok ? r.result.changed : r.error}`);
    const u = undoInSession({ sessionId: "bench-bulk", actionId: r.result.id! }, now);
    if (!u.ok || u.restored !== count) throw new Error(`bulk undo failed: ${JSON.stringify(u)}`);
    if (i >= plan.warmup) ms.push(dt);
  }
  return summarize(ms);
}
