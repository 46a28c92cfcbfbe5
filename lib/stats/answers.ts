/**
 * Pure: the answer figures of the last study days from grouped answers
 * (lib/db/stats-answers.ts). Definitions:
 *
 * TRUE RETENTION (as Anki defines it): over the card's FIRST answer of a study
 * day, given on the review screen (source "review"), to a card that was in
 * the Review state — i.e. scheduled reviews of cards that have graduated.
 * Passed = Hard, Good or Easy. Quiz answers never count (a quiz asks cards
 * whether or not they are due, and recognising an option is not recall);
 * neither does a review that follows a quiz answer on the same day, nor a
 * learning or relearning step. Young / mature by the interval the card had
 * before the answer (< 21 days = young, Anki's lastIvl).
 *
 * ACTIVITY: every answer (both sources) counts as a review of that day; time
 * is the sum of durationMs (what the client measured from showing the card to
 * answering).
 */
import { labelOfDayIndex } from "../srs";
import type { AnswerGroup, ButtonCounts, ButtonsByState, DayActivity, DayRetention, RepeatGroup, RetentionBucket, RetentionPeriod } from "./types";

/** A review-screen answer to a Review-state card: counts unless it followed another answer to the card that day (a RepeatGroup). */
function isScheduledReview(g: Pick<AnswerGroup, "source" | "state">): boolean {
  return g.source === "review" && g.state === 2;
}

type Tally = { day: number; rating: number; mature: boolean; count: number };

/** Answers that count for true retention, as signed tallies: scheduled reviews, minus the repeats among them. */
function retentionTallies(groups: readonly AnswerGroup[], repeats: readonly RepeatGroup[]): Tally[] {
  const out: Tally[] = groups.filter(isScheduledReview).map((g) => ({ day: g.day, rating: g.rating, mature: g.mature, count: g.count }));
  for (const r of repeats) out.push({ ...r, count: -r.count });
  return out;
}

function bucket(passed: number, total: number): RetentionBucket {
  return { passed, total, rate: total === 0 ? null : passed / total };
}

/** True retention over the groups whose day lies in [fromDay, toDay]. */
export function retentionOver(groups: readonly AnswerGroup[], repeats: readonly RepeatGroup[], fromDay: number, toDay: number): RetentionPeriod {
  const n = { yp: 0, yt: 0, mp: 0, mt: 0 };
  for (const g of retentionTallies(groups, repeats)) {
    if (g.day < fromDay || g.day > toDay) continue;
    const passed = g.rating > 1 ? g.count : 0;
    if (g.mature) {
      n.mp += passed;
      n.mt += g.count;
    } else {
      n.yp += passed;
      n.yt += g.count;
    }
  }
  return { young: bucket(n.yp, n.yt), mature: bucket(n.mp, n.mt), all: bucket(n.yp + n.mp, n.yt + n.mt) };
}

/** One entry per study day in [fromDay, toDay], oldest first. */
export function dailyRetention(groups: readonly AnswerGroup[], repeats: readonly RepeatGroup[], fromDay: number, toDay: number): DayRetention[] {
  const days = Array.from({ length: toDay - fromDay + 1 }, (_, i) => ({ day: labelOfDayIndex(fromDay + i), passed: 0, total: 0, rate: null as number | null }));
  for (const g of retentionTallies(groups, repeats)) {
    const d = days[g.day - fromDay];
    if (!d) continue;
    d.total += g.count;
    if (g.rating > 1) d.passed += g.count;
  }
  for (const d of days) d.rate = d.total === 0 ? null : d.passed / d.total;
  return days;
}

/** Answers and time per study day in [fromDay, toDay], oldest first. */
export function dailyActivity(groups: readonly AnswerGroup[], fromDay: number, toDay: number): DayActivity[] {
  const days = Array.from({ length: toDay - fromDay + 1 }, (_, i) => ({ day: labelOfDayIndex(fromDay + i), review: 0, quiz: 0, answers: 0, timeMs: 0 }));
  for (const g of groups) {
    const d = days[g.day - fromDay];
    if (!d) continue;
    if (g.source === "review") d.review += g.count;
    else if (g.source === "quiz") d.quiz += g.count;
    d.answers += g.count;
    d.timeMs += g.durationMs;
  }
  return days;
}

const STATE_NAMES = ["new", "learning", "review", "relearning"] as const;

/** Ratings per source and per card state before the answer. */
export function buttonsByState(groups: readonly AnswerGroup[]): ButtonsByState {
  const empty = (): Record<(typeof STATE_NAMES)[number], ButtonCounts> => ({
    new: [0, 0, 0, 0],
    learning: [0, 0, 0, 0],
    review: [0, 0, 0, 0],
    relearning: [0, 0, 0, 0],
  });
  const out: ButtonsByState = { review: empty(), quiz: empty() };
  for (const g of groups) {
    if (g.source !== "review" && g.source !== "quiz") continue;
    const state = STATE_NAMES[g.state];
    const i = g.rating - 1;
    if (state === undefined || i < 0 || i > 3) continue;
    const counts = out[g.source][state];
    counts[i] = (counts[i] ?? 0) + g.count;
  }
  return out;
}
