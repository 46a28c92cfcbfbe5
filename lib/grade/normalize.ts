/**
 * Answer normalisation for forgiving typed-answer grading.
 *
 * Two answers are considered "the same text" when their normalised forms are
 * equal. The normalisation:
 *   1. NFKD — splits accented letters into base + combining mark and folds
 *      compatibility forms (full-width "ＲＬＨＦ" → "RLHF", "ﬁ" → "fi", "²" → "2").
 *   2. Removes *Latin/Greek/Cyrillic-style diacritics* only, i.e. the generic
 *      combining-diacritic blocks (U+0300–036F, U+1AB0–1AFF, U+1DC0–1DFF,
 *      U+20D0–20FF, U+FE20–FE2F). We deliberately do NOT strip every `\p{M}`:
 *      Devanagari vowel signs or the kana voicing marks are letters-in-practice,
 *      and dropping them would merge unrelated words.
 *   3. Full case folding (upper then lower, so "ß" ≡ "SS" ≡ "ss").
 *   4. Maps a few Latin letters that have no canonical decomposition
 *      (ø, æ, œ, ł, đ, ħ, ı, þ, ð) to their plain ASCII spelling.
 *   5. Drops everything that is not a letter, number or (remaining) mark:
 *      spaces, hyphens, punctuation, symbols, emoji.
 *   6. NFC — recomposes what is left (e.g. Hangul jamo back into syllables) so
 *      that lengths and edit distances count user-perceived characters.
 *
 * So "RLAIF", "rl aif", "RL-AIF" and "R.L.A.I.F." all normalise to "rlaif".
 * Note that this means answers differing only by punctuation ("C++" vs "C#")
 * are considered equal; the quiz builder uses the same key for option
 * de-duplication so grading and de-duplication never disagree.
 */

const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]/gu;

const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ø: "o",
  æ: "ae",
  œ: "oe",
  ł: "l",
  đ: "d",
  ħ: "h",
  ı: "i",
  þ: "th",
  ð: "d",
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join("")}]`, "gu");

export function normalizeAnswer(s: string): string {
  return (
    s
      .normalize("NFKD")
      .toUpperCase()
      .toLowerCase()
      // Case mapping can produce new precomposed/combining forms; decompose again.
      .normalize("NFKD")
      .replace(DIACRITICS, "")
      .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c)
      .replace(NOT_WORD, "")
      .normalize("NFC")
  );
}

/** Split a string into Unicode code points (never splits surrogate pairs). */
export function codePoints(s: string): string[] {
  return Array.from(s);
}
