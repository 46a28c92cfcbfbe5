/**
 * Character-level diff of what was typed against the expected answer, for
 * display like Anki's typed-answer comparison.
 *
 * Segment semantics (typed → expected):
 *   - "equal":  text present in both
 *   - "delete": text the user typed that is not in the answer (extra)
 *   - "insert": text of the answer the user did not type (missing)
 * Concatenating equal+delete segments gives the typed text; equal+insert gives
 * the expected text (both NFC-normalised; ordinary input is already NFC).
 *
 * Works on grapheme clusters (Intl.Segmenter) so emoji and combining
 * sequences are never split. Comparison is exact (case- and
 * punctuation-sensitive) — it shows the literal difference; the verdict comes
 * from `gradeTyped`.
 */
export type DiffOp = "equal" | "insert" | "delete";
export interface DiffSegment {
  op: DiffOp;
  text: string;
}

/** Above this many DP cells (after trimming common prefix/suffix) we fall back
 * to "delete the whole middle, insert the whole middle". */
const MAX_CELLS = 250_000;

function graphemes(s: string): string[] {
  if (typeof Intl !== "undefined" && typeof Intl.Segmenter === "function") {
    const seg = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    return Array.from(seg.segment(s), (x) => x.segment);
  }
  return Array.from(s);
}

function push(out: DiffSegment[], op: DiffOp, text: string): void {
  if (text === "") return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

export function diffTyped(typed: string, expected: string): DiffSegment[] {
  const a = graphemes(typed.normalize("NFC"));
  const b = graphemes(expected.normalize("NFC"));

  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;

  const out: DiffSegment[] = [];
  push(out, "equal", a.slice(0, pre).join(""));

  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const n = am.length;
  const m = bm.length;

  if (n * m > MAX_CELLS) {
    push(out, "delete", am.join(""));
    push(out, "insert", bm.join(""));
  } else {
    // lcs[i][j] = LCS length of am[i:] and bm[j:]
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    const L = (i: number, j: number): number => lcs[i * w + j] ?? 0;
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = am[i] === bm[j] ? L(i + 1, j + 1) + 1 : Math.max(L(i + 1, j), L(i, j + 1));
      }
    }
    // Walk, buffering each non-equal run so it is shown as one delete followed by one insert.
    let del = "";
    let ins = "";
    const flush = (): void => {
      push(out, "delete", del);
      push(out, "insert", ins);
      del = "";
      ins = "";
    };
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      const ai = am[i];
      const bj = bm[j];
      if (i < n && j < m && ai === bj) {
        flush();
        push(out, "equal", ai ?? "");
        i++;
        j++;
      } else if (j >= m || (i < n && L(i + 1, j) >= L(i, j + 1))) {
        del += ai ?? "";
        i++;
      } else {
        ins += bj ?? "";
        j++;
      }
    }
    flush();
  }

  push(out, "equal", a.slice(a.length - suf).join(""));
  return out;
}
