// Display names shared by the quiz screens.
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

export const RATING_LABELS: Record<number, string> = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };

/** "1:05" for 65 000 ms; "1:02:03" past an hour. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** "in 10 minutes", "in 3 days" — how far `iso` is from now. */
export function fromNow(iso: string, now = Date.now()): string {
  const min = Math.round((new Date(iso).getTime() - now) / 60_000);
  if (min < 1) return "now";
  if (min < 60) return `in ${min} minute${min === 1 ? "" : "s"}`;
  const h = Math.round(min / 60);
  if (h < 24) return `in ${h} hour${h === 1 ? "" : "s"}`;
  const d = Math.round(h / 24);
  return `in ${d} day${d === 1 ? "" : "s"}`;
}
