// /browse: every card, searched, filtered and sorted from the URL
// (?q=&sort=&dir=&page=), so links and the back button work.
import { browseCardDto, browseParamsFromUrl } from "@/lib/api/browse-schemas";
import { browseCards, browseFacets } from "@/lib/services/browse";
import { getSettings } from "@/lib/services/settings";
import { BrowseView } from "./browse-view";

export const dynamic = "force-dynamic";

export default async function BrowsePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = browseParamsFromUrl(await searchParams);
  const now = new Date();
  const r = browseCards(params, now);
  return (
    <BrowseView
      params={params}
      result={r.ok ? { cards: r.rows.map(browseCardDto), total: r.total, page: r.page, pages: r.pages } : null}
      error={r.ok ? null : { message: r.error, position: (r.details as { position: number }).position }}
      terms={r.ok ? r.terms : []}
      facets={browseFacets()}
      timezone={getSettings().timezone}
      now={now.toISOString()}
    />
  );
}
