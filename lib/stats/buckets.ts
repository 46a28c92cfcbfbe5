/**
 * Bucket edges of the distributions (fixed, so charts of different days and
 * decks line up). Every bucket is [min, max); the last one is open (max null)
 * and also holds the top value (difficulty 10, retrievability 1).
 */
import type { Bucket } from "./types";

/** Stability in days. */
export const STABILITY_EDGES = [0, 1, 3, 7, 14, 30, 90, 180, 365] as const;
/** FSRS difficulty, 1..10. */
export const DIFFICULTY_EDGES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
/** Retrievability, 0..1. */
export const RETRIEVABILITY_EDGES = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;

function label(min: number, max: number | null, unit: string, top?: number): string {
  if (max === null) return top === undefined ? `≥${min}${unit}` : `${min}–${top}${unit}`;
  return `${min}–${max}${unit}`;
}

/** Buckets for `edges`, filled from `counts` (bucket index → count). */
export function makeBuckets(edges: readonly number[], counts: ReadonlyMap<number, number>, unit: string, top?: number): Bucket[] {
  return edges.map((min, i) => {
    const max = edges[i + 1] ?? null;
    return { bucket: label(min, max, unit, top), min, max, count: counts.get(i) ?? 0 };
  });
}
