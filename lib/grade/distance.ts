/**
 * Unrestricted Damerau–Levenshtein distance (Lowrance–Wagner), over arrays of
 * symbols (code points / graphemes). Insertions, deletions, substitutions and
 * transpositions of two adjacent symbols all cost 1, so "sycophancy" vs
 * "sycophnacy" has distance 1.
 *
 * O(n·m) time and memory — answers are short.
 */
export function damerauLevenshtein(a: readonly string[], b: readonly string[]): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;

  const maxDist = n + m;
  const width = m + 2;
  const d = new Uint32Array((n + 2) * width);
  const at = (i: number, j: number): number => d[i * width + j] ?? maxDist;
  const set = (i: number, j: number, v: number): void => {
    d[i * width + j] = v;
  };

  set(0, 0, maxDist);
  for (let i = 0; i <= n; i++) {
    set(i + 1, 0, maxDist);
    set(i + 1, 1, i);
  }
  for (let j = 0; j <= m; j++) {
    set(0, j + 1, maxDist);
    set(1, j + 1, j);
  }

  // Last row (1-based) in which each symbol occurred in `a`.
  const lastRow = new Map<string, number>();
  for (let i = 1; i <= n; i++) {
    const ai = a[i - 1];
    let lastMatchCol = 0;
    for (let j = 1; j <= m; j++) {
      const bj = b[j - 1];
      const i1 = bj === undefined ? 0 : (lastRow.get(bj) ?? 0);
      const j1 = lastMatchCol;
      let cost = 1;
      if (ai === bj) {
        cost = 0;
        lastMatchCol = j;
      }
      set(
        i + 1,
        j + 1,
        Math.min(
          at(i, j) + cost, // substitution / match
          at(i + 1, j) + 1, // insertion
          at(i, j + 1) + 1, // deletion
          at(i1, j1) + (i - i1 - 1) + 1 + (j - j1 - 1), // transposition
        ),
      );
    }
    if (ai !== undefined) lastRow.set(ai, i);
  }
  return at(n + 1, m + 1);
}
