import { otherMethods, route } from "@/lib/api/route";
import { browseCardDto, browseQuery } from "@/lib/api/browse-schemas";
import { browseCards } from "@/lib/services/browse";

export const dynamic = "force-dynamic";

/** The card browser's page: a bad query is a 400 with the parser's sentence and `details.position`. */
export const GET = route({ query: browseQuery }, ({ query }) => {
  const r = browseCards(query, new Date());
  return r.ok ? Response.json({ cards: r.rows.map(browseCardDto), total: r.total, page: r.page, pages: r.pages, pageSize: r.pageSize }) : r;
});
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
