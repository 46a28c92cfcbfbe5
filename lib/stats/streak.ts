/**
 * Streaks over study days given as day indices (days since 1970-01-01, see
 * lib/srs dayIndex). The current streak uses lib/srs's definition
 * (streakLength: ends today, or yesterday while today has no answer yet).
 */
import { labelOfDayIndex, streakLength } from "../srs";

export function currentStreak(activeDays: Iterable<number>, today: number): number {
  const labels: string[] = [];
  for (const d of activeDays) labels.push(labelOfDayIndex(d));
  return streakLength(labels, labelOfDayIndex(today));
}

/** Longest run of consecutive days (input may be unsorted and repeat). */
export function longestStreak(activeDays: Iterable<number>): number {
  const days = [...new Set(activeDays)].sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  for (let i = 0; i < days.length; i++) {
    run = i > 0 && days[i]! === days[i - 1]! + 1 ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}
