export { mulberry32 as rng } from "../../lib/generate/rng";

/** `n` distinct items of `xs` in random order (partial Fisher–Yates). */
export function pick<T>(xs: readonly T[], n: number, r: () => number): T[] {
  const a = [...xs];
  const k = Math.min(n, a.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(r() * (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, k);
}
