/** Lower-case, accent-free, hyphen-separated slug: "RL-AIF" → "rl-aif", "Character vs. Personality" → "character-vs-personality". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}
