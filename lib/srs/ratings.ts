// The four answers of FSRS/Anki, with the words every screen and message uses.
export const RATING_LABELS = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" } as const;
export type RatingValue = keyof typeof RATING_LABELS;
export const RATING_VALUES = [1, 2, 3, 4] as const satisfies readonly RatingValue[];

export const ratingLabel = (r: number): string => RATING_LABELS[r as RatingValue] ?? String(r);
