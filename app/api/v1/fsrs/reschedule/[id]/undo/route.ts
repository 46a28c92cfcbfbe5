// POST: undo one reschedule run (cards answered since keep their answers).
import { idParam, jsonError } from "@/lib/api/http";
import { undoReschedule } from "@/lib/services/fsrs-reschedule";

export const dynamic = "force-dynamic";

export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const parsed = idParam.safeParse(id);
  const r = parsed.success ? undoReschedule(parsed.data, new Date()) : ({ kind: "not-found" } as const);
  if (r.kind === "not-found") return jsonError(404, `reschedule ${id} not found`);
  if (r.kind === "conflict") return jsonError(409, `reschedule ${id} was already undone`);
  return Response.json({ restored: r.restored, keptAnswered: r.keptAnswered });
}
