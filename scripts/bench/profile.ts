// Where the answer path's time goes. This replays answerCard (lib/db/review.ts)
// step by step with the same statements and lib/srs calls, timing each step;
// keep it in step with review.ts if that changes. Then it times the parts of
// applyRating in isolation, since it is one call from the outside.
import { Rating, type Card as FsrsCard } from "ts-fsrs";
import { summarize } from "./measure";

export type Profile = { step: string; p50Ms: number; meanMs: number; share: number | null }[];

export async function profileAnswer(cardIds: readonly number[], now: Date, warmup: number): Promise<Profile> {
  const { sqlite, stmt } = await import("../../lib/db/sqlite");
  const { getSettings } = await import("../../lib/db/settings");
  const { CARD_COLUMNS, toCardRow } = await import("../../lib/db/card-rows");
  const { applyRating, becameLeech, siblingsToBury, nextDayStart } = await import("../../lib/srs");
  const { createScheduler } = await import("../../lib/srs/scheduler");
  const { studyDayClockMs } = await import("../../lib/srs/study-day");
  type RawCard = import("../../lib/db/card-rows").RawCard;

  const t: Record<string, number[]> = {};
  let mark = 0;
  const lap = (step: string) => {
    const x = performance.now();
    (t[step] ??= []).push(x - mark);
    mark = x;
  };
  const kept = (i: number) => i >= warmup;

  const db = sqlite();
  cardIds.forEach((cardId, i) => {
    const reviewId = `bench-profile-${i}`;
    const t0 = performance.now();
    let inside = 0;
    db.transaction(() => {
      mark = performance.now();
      const s0 = mark;
      stmt(`SELECT cardId FROM ReviewLog WHERE reviewId = ?`).get(reviewId);
      lap("reviewId check");
      const raw = stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE id = ?`).get(cardId) as RawCard;
      lap("card fetch");
      const settings = getSettings();
      lap("settings read (getSettings)");
      const before = toCardRow(raw);
      const { card: next, log } = applyRating(before, 3, settings, now);
      const leech = becameLeech(before, next);
      lap("applyRating (schedule)");
      const siblingRows = (stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE noteId = ? AND id != ?`).all(raw.noteId, raw.id) as RawCard[]).map(toCardRow);
      lap("siblings query");
      const bury = siblingsToBury(before, siblingRows, now, settings);
      lap("siblingsToBury (nextDayStart)");
      const snapshot = JSON.stringify({ card: raw, siblings: siblingRows.filter((s) => bury.ids.includes(s.id)).map((s) => ({ id: s.id, buriedUntil: s.buriedUntil?.getTime() ?? null })) });
      lap("snapshot JSON");
      stmt(
        `UPDATE Card SET due = ?, stability = ?, difficulty = ?, elapsed_days = ?, scheduled_days = ?, learning_steps = ?,
         reps = ?, lapses = ?, state = ?, last_review = ?, leech = leech OR ?, suspended = suspended OR ?, updatedAt = ? WHERE id = ?`,
      ).run(next.due.getTime(), next.stability, next.difficulty, next.elapsed_days, next.scheduled_days, next.learning_steps, next.reps, next.lapses, next.state, next.last_review?.getTime() ?? null, leech ? 1 : 0, leech ? 1 : 0, now.getTime(), raw.id);
      stmt(
        `INSERT INTO ReviewLog (cardId, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days,
         learning_steps, reviewedAt, durationMs, source, reviewId, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(raw.id, log.rating, log.state, log.due.getTime(), log.stability, log.difficulty, log.elapsed_days, log.last_elapsed_days, log.scheduled_days, log.learning_steps, now.getTime(), 4000, "review", reviewId, snapshot);
      const buryStmt = stmt(`UPDATE Card SET buriedUntil = ?, updatedAt = ? WHERE id = ?`);
      for (const id of bury.ids) buryStmt.run(bury.buriedUntil.getTime(), now.getTime(), id);
      lap("UPDATE + INSERT (+ bury sibling)");
      toCardRow(stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE id = ?`).get(raw.id) as RawCard);
      lap("re-read card for the reply");
      inside = performance.now() - s0;
    }).immediate();
    const total = performance.now() - t0;
    (t["BEGIN IMMEDIATE / COMMIT"] ??= []).push(total - inside);
    (t["TOTAL"] ??= []).push(total);
  });
  const out = Object.entries(t).map(([step, xs]) => row(step, xs.filter((_, i) => kept(i))));
  const total = out.find((r) => r.step === "TOTAL")!.meanMs;
  for (const r of out) r.share = r.step === "TOTAL" ? null : r.meanMs / total;

  // The parts of applyRating, each timed alone on the same cards (no writes).
  const settings = getSettings();
  const rows = cardIds.map((id) => toCardRow(stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE id = ?`).get(id) as RawCard));
  const f = createScheduler(settings);
  const inputs: FsrsCard[] = rows.map((c) => ({ ...c, state: c.state as FsrsCard["state"], last_review: c.last_review ?? undefined }));
  const alone = (step: string, fn: (i: number) => unknown) => {
    const xs: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const a = performance.now();
      fn(i);
      if (kept(i)) xs.push(performance.now() - a);
    }
    out.push(row(step, xs));
  };
  alone("  in applyRating: createScheduler (per call)", () => createScheduler(settings));
  alone("  in applyRating: ts-fsrs next() (scheduler reused)", (i) => f.next(inputs[i]!, now, Rating.Good));
  alone("  in applyRating: 2× study-day clock (Intl)", (i) => (studyDayClockMs(now, settings.timezone, settings.dayStartHour), studyDayClockMs(rows[i]!.last_review ?? now, settings.timezone, settings.dayStartHour)));
  alone("  in siblingsToBury: nextDayStart (Intl)", () => nextDayStart(now, settings.timezone, settings.dayStartHour));
  return out;
}

function row(step: string, xs: number[]) {
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return { step, p50Ms: summarize(xs).p50, meanMs: mean, share: null as number | null };
}

export function profileTable(p: Profile): string {
  const w = Math.max(...p.map((r) => r.step.length));
  const ms = (v: number) => v.toFixed(3).padStart(9);
  const head = `${"step".padEnd(w)} |    p50 ms |   mean ms | share of mean`;
  const lines = p.map((r) => `${r.step.padEnd(w)} | ${ms(r.p50Ms)} | ${ms(r.meanMs)} | ${r.share === null ? "" : `${(r.share * 100).toFixed(0)}%`}`);
  return [head, "-".repeat(head.length), ...lines].join("\n");
}
