/**
 * Seeded pseudo-random numbers. All quiz randomness flows from a seed so a
 * quiz is reproducible (same seed + same pool ⇒ same quiz).
 */

/** Returns a float in [0, 1). */
export type Rng = () => number;

/** mulberry32: small, fast 32-bit-state PRNG with good statistical quality for UI shuffling. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** murmur3 32-bit finaliser: avalanche a 32-bit value. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Stable 32-bit seed from a string (FNV-1a over UTF-16 code units, then fmix32). */
export function seedFromString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h >>> 0);
}

/**
 * Normalise any seed to a uint32. Integers in [0, 2^32) map to themselves;
 * larger safe integers fold in their high bits; strings and non-integers are hashed.
 */
export function toSeed(seed: number | string): number {
  if (typeof seed === "string") return seedFromString(seed);
  if (!Number.isSafeInteger(seed)) return seedFromString(String(seed));
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  return (lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0;
}

export function createRng(seed: number | string): Rng {
  return mulberry32(toSeed(seed));
}

/** Uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`randomInt: n must be a positive integer, got ${n}`);
  return Math.min(n - 1, Math.floor(rng() * n));
}

/** Fisher–Yates shuffle. Returns a new array; the input is not modified. */
export function shuffle<T>(arr: readonly T[], rng: Rng): T[] {
  const out = arr.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/** A uniformly chosen element. Throws on an empty array. */
export function pick<T>(arr: readonly T[], rng: Rng): T {
  if (arr.length === 0) throw new RangeError("pick: empty array");
  return arr[randomInt(rng, arr.length)] as T;
}
