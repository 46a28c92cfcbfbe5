import { otherMethods, route } from "@/lib/api/route";
import { bulkBody } from "@/lib/api/browse-schemas";
import { runBulkAction } from "@/lib/services/bulk";

export const dynamic = "force-dynamic";

/** One bulk action, one step on the session's undo stack (undone by POST /api/v1/reviews/undo). */
export const POST = route({ body: bulkBody }, ({ body }) => {
  const { ids, q, ...rest } = body;
  const r = runBulkAction({ ...rest, target: ids ? { ids } : { q: q ?? "" } }, new Date());
  return r.ok ? Response.json({ action: r.result, undo: r.undo }) : r;
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
