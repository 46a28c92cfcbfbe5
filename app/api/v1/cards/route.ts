import { jsonError, parseQuery } from "@/lib/api/http";
import { browseCardDto, browseQuery } from "@/lib/api/browse-schemas";
import { browseCards } from "@/lib/services/browse";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const params = parseQuery(req.url, browseQuery);
  if (!params.ok) return params.response;
  const r = browseCards(params.data, new Date());
  if (r.kind === "invalid") return jsonError(400, r.error, { position: r.position });
  return Response.json({ cards: r.rows.map(browseCardDto), total: r.total, page: r.page, pages: r.pages, pageSize: r.pageSize });
}
