// Display names shared by the quiz screens.
import { relativeLabel } from "@/app/components/time-until";
import type { QuestionType, TopicFilter } from "@/lib/quiz/types";

export const TOPIC_LABELS: Record<TopicFilter, string> = {
  vocabulary: "Vocabulary",
  takeaways: "Takeaways",
  pipeline: "Training pipeline",
  all: "Everything",
};

export const TYPE_LABELS: Record<QuestionType, string> = {
  "multiple-choice": "Multiple choice",
  "true-false": "True or false",
  cloze: "Fill in the blank",
  order: "Put in order",
  match: "Match",
};

/** "1:05" for 65 000 ms; "1:02:03" past an hour. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** "now", "in 10 minutes", "in 3 days" — how far `iso` is from now. */
function fromNow(iso: string, now: number): string {
  const ms = Date.parse(iso);
  return ms <= now + 30_000 ? "now" : relativeLabel(ms, now);
}

/** What a quiz answer did to its card's schedule, in words (rules: lib/srs/quiz-practice.ts). */
export function scheduleText(card: { effect: string; due: string; availableAt: string }, now = Date.now()): string {
  const when = card.availableAt > card.due ? `${fromNow(card.availableAt, now)} (a card of the same note was studied today)` : fromNow(card.availableAt, now);
  switch (card.effect) {
    case "introduced":
      return `This new card is now a learning card; the review page shows it ${when}. It does not use up today's new cards.`;
    case "scheduled":
      return `It was due, so this counts as its review: next due ${when}.`;
    case "due-now":
      return `Quizzes never push a card back: it is due for review ${when}.`;
    default:
      return `Practice only: its schedule is unchanged (next due ${when}).`;
  }
}
