// Turns results into the plain-text table (what | size | p50 ms | p95 |
// target | result) or JSON. Numbers stay numbers in JSON; the table formats them.

export type Row = {
  what: string;
  size: string;
  /** ms, a ratio when `unit` is "x", kilobytes when "kB", a count per call when "pages". */
  p50: number | null;
  p95: number | null;
  unit: "ms" | "x" | "kB" | "pages";
  n?: number;
  target: string;
  result: "PASS" | "FAIL" | "" | "SKIPPED";
  note?: string;
};

function num(v: number | null, unit: Row["unit"]): string {
  if (v === null) return "—";
  if (unit === "x") return `${v.toFixed(2)}×`;
  if (unit === "kB") return `${v.toFixed(1)} kB`;
  if (unit === "pages") return v.toFixed(1);
  return v < 10 ? v.toFixed(3) : v < 100 ? v.toFixed(2) : v.toFixed(1);
}

export function table(rows: readonly Row[]): string {
  const head = ["what", "size", "p50 ms", "p95", "target", "result"];
  const body = rows.map((r) => [r.what, r.size, num(r.p50, r.unit), num(r.p95, r.unit), r.target, r.result]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join(" | ")
      .trimEnd();
  const sep = widths.map((w) => "-".repeat(w)).join("-|-");
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.what} (${r.size}): ${r.note}`);
  return [line(head), sep, ...body.map(line), ...(notes.length ? ["", "notes:", ...notes] : [])].join("\n");
}

/** "10k cards / 1M logs" style labels. */
export function sizeLabel(cards: number, logs: number): string {
  const short = (n: number) => (n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
  return `${short(cards)} cards / ${short(logs)} logs`;
}
