// Answers to a quiz question built from its server-side key (QuizQuestion.answerKey): one that is right,
// one that is wrong, whatever the question's type.
import type { AnswerKey } from "@/lib/quiz";

export function rightAnswer(key: AnswerKey): unknown {
  switch (key.type) {
    case "multiple-choice":
      return key.answerIndex;
    case "true-false":
      return key.answer === "true";
    case "cloze":
      return key.answer;
    case "order":
      return key.items;
    case "match":
      return Object.fromEntries(key.pairs.map((p) => [p.left, p.right]));
  }
}

export function wrongAnswer(key: AnswerKey): unknown {
  switch (key.type) {
    case "multiple-choice":
      return (key.answerIndex + 1) % key.options.length;
    case "true-false":
      return key.answer !== "true";
    case "cloze":
      return "zzzz qqqq";
    case "order":
      return key.items.slice().reverse();
    case "match":
      return Object.fromEntries(key.pairs.map((p, i) => [p.left, key.pairs[(i + 1) % key.pairs.length]!.right]));
  }
}
