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

/** "1:05" for 65 000 ms; "1:02:03" past an hour. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}
