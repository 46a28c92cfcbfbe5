// Where the queue fetch's time goes. This replays getQueue (lib/db/queue.ts)
// step by step with the same SQL and lib/srs calls, timing each step; keep it
// in step with queue.ts if that changes.
import { summarize, type Plan } from "./measure";
import type { Profile } from "./profile";

export async function profileQueue(deckId: number, now: Date, plan: Plan): Promise<Profile> {
  const { stmt } = await import("../../lib/db/sqlite");
  const { getSettings } = await import("../../lib/db/settings");
  const { CARD_COLUMNS, toCardRow } = await import("../../lib/db/card-rows");
  const { buildQueue, previewIntervals, queueWindow } = await import("../../lib/srs");
  type RawCard = import("../../lib/db/card-rows").RawCard;

  const t: Record<string, number[]> = {};
  let mark = 0;
  const lap = (step: string) => {
    const x = performance.now();
    (t[step] ??= []).push(x - mark);
    mark = x;
  };
  const live = `retired = 0 AND suspended = 0 AND leech = 0`;
  for (let i = 0; i < plan.warmup + plan.iterations; i++) {
    const t0 = (mark = performance.now());
    const settings = getSettings();
    const win = queueWindow(now, settings);
    lap("settings + queueWindow");
    const today = stmt(
      `SELECT
       coalesce(sum(CASE WHEN l.state = 0 THEN 1 ELSE 0 END), 0) AS newToday,
       coalesce(sum(CASE WHEN l.state = 2 THEN 1 ELSE 0 END), 0) AS reviewsToday
     FROM ReviewLog l JOIN Card c ON c.id = l.cardId
     WHERE l.reviewedAt >= ? AND c.deckId = ?`,
    ).get(win.todayStart.getTime(), deckId) as { newToday: number; reviewsToday: number };
    lap("today's counts (ReviewLog ⋈ Card)");
    const notesToday = (stmt(`SELECT DISTINCT c.noteId AS noteId FROM ReviewLog l JOIN Card c ON c.id = l.cardId WHERE l.reviewedAt >= ? AND c.deckId = ?`)
      .all(win.todayStart.getTime(), deckId) as { noteId: number }[]).map((r) => r.noteId);
    lap("notes answered today (ReviewLog ⋈ Card)");
    const learning = stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE state IN (1, 3) AND due < ? AND ${live} AND deckId = ?`).all(win.dayAfterStart.getTime(), deckId) as RawCard[];
    lap(`learning/relearning due (no LIMIT)`);
    const reviews = stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE state = 2 AND due < ? AND ${live} AND deckId = ? ORDER BY due, id LIMIT ?`)
      .all(win.nextDayStart.getTime(), deckId, Math.max(0, settings.reviewsPerDay - today.reviewsToday) + 50) as RawCard[];
    const tomorrow = stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE state = 2 AND due >= ? AND due < ? AND ${live} AND deckId = ?`)
      .all(win.nextDayStart.getTime(), win.dayAfterStart.getTime(), deckId) as RawCard[];
    lap("reviews due (LIMIT budget) + due tomorrow");
    const news = stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE state = 0 AND (buriedUntil IS NULL OR buriedUntil <= ?) AND ${live} AND deckId = ? ORDER BY position, id LIMIT ?`)
      .all(now.getTime(), deckId, Math.max(0, settings.newPerDay - today.newToday) + 50) as RawCard[];
    lap("new cards (LIMIT budget)");
    const cards = [...learning, ...reviews, ...tomorrow, ...news].map(toCardRow);
    lap(`toCardRow (${cards.length} rows)`);
    const q = buildQueue({ cards, now, settings, newIntroducedToday: today.newToday, reviewsDoneToday: today.reviewsToday, notesAnsweredToday: notesToday, limit: 20 });
    lap("buildQueue");
    q.items.forEach((card) => previewIntervals(card, settings, now));
    lap(`previewIntervals × ${q.items.length}`);
    (t["TOTAL"] ??= []).push(performance.now() - t0);
  }
  const out = Object.entries(t).map(([step, xs]) => {
    const kept = xs.slice(plan.warmup);
    return { step, p50Ms: summarize(kept).p50, meanMs: kept.reduce((a, b) => a + b, 0) / kept.length, share: null as number | null };
  });
  const total = out.find((r) => r.step === "TOTAL")!.meanMs;
  for (const r of out) r.share = r.step === "TOTAL" ? null : r.meanMs / total;
  return out;
}
