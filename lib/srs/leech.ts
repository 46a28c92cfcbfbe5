/**
 * Leeches: cards that keep being forgotten. Like Anki's default (threshold 8,
 * action "suspend"): a card reaching LEECH_LAPSES lapses is flagged `leech`
 * and the caller suspends it; buildQueue excludes leech-flagged cards (to
 * bring one back, clear `leech` as well as `suspended`).
 */
export const LEECH_LAPSES = 8;

export function isLeech(card: { lapses: number }): boolean {
  return card.lapses >= LEECH_LAPSES;
}

/** True when this answer is the one that made the card a leech (use it to
 * flag + suspend exactly once). */
export function becameLeech(before: { lapses: number }, after: { lapses: number }): boolean {
  return !isLeech(before) && isLeech(after);
}
