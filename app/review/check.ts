// What the learner's attempt says about their answer: the typed-answer grade
// (from lib/grade) or whether the picked option is right, and the rating to
// suggest. The learner still chooses the rating.
import { diffTyped, gradeTyped, suggestRating, type DiffSegment, type TypedGrade } from "@/lib/grade";
import type { CardDto } from "@/lib/api/review-dto";
import type { Rating } from "./api";

export type Check =
  | { kind: "typed"; grade: TypedGrade; diff: DiffSegment[]; suggested: Rating | null }
  | { kind: "choice"; correctIndex: number; picked: number | null; right: boolean | null; suggested: Rating | null }
  | { kind: "self"; suggested: null };

export const isTypedFormat = (f: CardDto["format"]) => f === "typed" || f === "cloze";
export const isChoiceFormat = (f: CardDto["format"]) => f === "multiple-choice" || f === "true-false";

export function checkAnswer(card: CardDto, typed: string, picked: number | null): Check {
  if (isTypedFormat(card.format)) {
    const grade = gradeTyped(typed, card.answer, card.alternatives ?? [], card.synonyms ?? {});
    return { kind: "typed", grade, diff: diffTyped(typed.trim(), grade.matched), suggested: suggestRating(grade.verdict) };
  }
  if (isChoiceFormat(card.format)) {
    const correctIndex = (card.options ?? []).indexOf(card.answer);
    const right = picked === null ? null : picked === correctIndex;
    return { kind: "choice", correctIndex, picked, right, suggested: right === null ? null : right ? 3 : 1 };
  }
  return { kind: "self", suggested: null };
}

/**
 * Order cards: the items in a fixed scrambled order (the same on every visit
 * and on server and client): rotated by 1..n-1 places, chosen by the card id,
 * so never already in the right order.
 */
export function scrambledItems(card: CardDto): string[] {
  const items = card.items ?? [];
  const n = items.length;
  if (n < 2) return [...items];
  const k = 1 + (card.id % (n - 1));
  return [...items.slice(k), ...items.slice(0, k)];
}

export const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
