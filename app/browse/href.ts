// The /browse URL for a query, sort and page (defaults left out, so links stay short).
export type BrowseParams = { q: string; sort: string; dir: "asc" | "desc"; page: number };

export function browseHref(p: BrowseParams): string {
  const sp = new URLSearchParams();
  if (p.q.trim()) sp.set("q", p.q.trim());
  if (p.sort !== "due") sp.set("sort", p.sort);
  if (p.dir !== "asc") sp.set("dir", p.dir);
  if (p.page > 1) sp.set("page", String(p.page));
  const s = sp.toString();
  return s ? `/browse?${s}` : "/browse";
}
