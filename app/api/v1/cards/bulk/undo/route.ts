import { jsonError, parseBody } from "@/lib/api/http";
import { bulkUndoBody } from "@/lib/api/browse-schemas";
import { undoBulk } from "@/lib/services/bulk";

export const dynamic = "force-dynamic";

/** Undoes the bulk action `id` (default: the newest one not undone yet). */
export async function POST(req: Request) {
  const body = await parseBody(req, bulkUndoBody);
  if (!body.ok) return body.response;
  const r = undoBulk(body.data.id ?? "latest", new Date());
  if (r.kind === "not-found") return jsonError(404, body.data.id ? `bulk action ${body.data.id} not found` : "nothing to undo");
  if (r.kind === "conflict") return jsonError(409, "that action was already undone");
  return Response.json({ undone: r.label, restored: r.restored, skipped: r.skipped });
}
