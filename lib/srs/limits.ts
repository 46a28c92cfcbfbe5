/** An hour caps the time a card or quiz question was open: longer is not time spent studying. */
export const MAX_DURATION_MS = 3_600_000;
