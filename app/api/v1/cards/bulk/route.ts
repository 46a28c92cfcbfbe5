import { jsonError, parseBody } from "@/lib/api/http";
import { bulkBody } from "@/lib/api/browse-schemas";
import { runBulkAction } from "@/lib/services/bulk";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  const body = await parseBody(req, bulkBody);
  if (!body.ok) return body.response;
  const { ids, q, ...rest } = body.data;
  const r = runBulkAction({ ...rest, target: ids ? { ids } : { q: q! } }, new Date());
  if (r.kind === "invalid") return jsonError(400, r.error);
  return Response.json({ action: r.result });
}
