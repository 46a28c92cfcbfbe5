import { otherMethods, route } from "@/lib/api/route";
import { bulkUndoBody } from "@/lib/api/browse-schemas";
import { undoBulk } from "@/lib/services/bulk";

export const dynamic = "force-dynamic";

/** Undoes the bulk action `id` (default: the newest one not undone yet). */
export const POST = route({ body: bulkUndoBody }, ({ body }) => {
  const r = undoBulk(body.id ?? "latest", new Date());
  return r.ok ? Response.json({ undone: r.label, restored: r.restored, skipped: r.skipped }) : r;
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
