// Where the answer path's time goes: each SQL statement answerCard
// (lib/services/review.ts) runs is timed by wrapping the statement layer
// (./statement-timer.ts), the rest is JavaScript. Then it times the parts of
// applyRating in isolation, since it is one call from the outside.
import { Rating, type Card as FsrsCard } from "ts-fsrs";
import { summarize } from "./measure";

export type Profile = { step: string; p50Ms: number; meanMs: number; share: number | null }[];

export async function profileAnswer(cardIds: readonly number[], now: Date, warmup: number): Promise<Profile> {
  const { sqlite, stmt } = await import("../../lib/db/sqlite");
  const { getSettings } = await import("../../lib/services/settings");
  const { answerCard } = await import("../../lib/services/review");
  const { timeStatements } = await import("./statement-timer");
  const { CARD_COLUMNS, toCardRow } = await import("../../lib/db/card-rows");
  const { nextDayStart } = await import("../../lib/srs");
  const { createScheduler } = await import("../../lib/srs/scheduler");
  const { exactWallClockMs, studyDayClockMs } = await import("../../lib/srs/study-day");
  type RawCard = import("../../lib/db/card-rows").RawCard;

  const t: Record<string, number[]> = {};
  const kept = (i: number) => i >= warmup;

  // Read before any answer: the cards as they are now, for the isolated timings below.
  const rows = cardIds.map((id) => toCardRow(stmt(`SELECT ${CARD_COLUMNS} FROM Card WHERE id = ?`).get(id) as RawCard));
  const timer = timeStatements(sqlite());
  cardIds.forEach((cardId, i) => {
    timer.times.clear();
    const t0 = performance.now();
    const r = answerCard({ cardId, rating: 3, durationMs: 4000, reviewId: `bench-profile-${i}`, source: "review" }, now);
    const total = performance.now() - t0;
    if (!r.ok) throw new Error(`answerCard failed on card ${cardId}: ${r.error}`);
    if (!kept(i)) return;
    let inSql = 0;
    for (const [step, ms] of timer.times) {
      t[step] ??= [];
      t[step].push(ms);
      inSql += ms;
    }
    t["JavaScript (scheduling, JSON, transaction)"] ??= [];
    t["JavaScript (scheduling, JSON, transaction)"].push(total - inSql);
    t.TOTAL ??= [];
    t.TOTAL.push(total);
  });
  timer.stop();
  const out = Object.entries(t).map(([step, xs]) => row(step, xs));
  const total = out.find((r) => r.step === "TOTAL")!.meanMs;
  for (const r of out) r.share = r.step === "TOTAL" ? null : r.meanMs / total;

  // The parts of applyRating, each timed alone on the same cards (no writes).
  const settings = getSettings();
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
  alone("  for scale: createScheduler (now cached per settings)", () => createScheduler(settings));
  alone("  in applyRating: ts-fsrs next() (scheduler reused)", (i) => f.next(inputs[i]!, now, Rating.Good));
  alone("  in applyRating: 2× study-day clock (cached offsets)", (i) => {
    studyDayClockMs(now, settings.timezone, settings.dayStartHour);
    studyDayClockMs(rows[i]!.last_review ?? now, settings.timezone, settings.dayStartHour);
  });
  alone("  for scale: one uncached Intl offset lookup", (i) => exactWallClockMs(rows[i]!.last_review?.getTime() ?? now.getTime(), settings.timezone));
  alone("  in siblingsToBury: nextDayStart (cached day)", () => nextDayStart(now, settings.timezone, settings.dayStartHour));
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
