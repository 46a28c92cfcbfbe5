// POST: make an earlier parameter set the one in use again.
import { idParam, jsonError } from "@/lib/api/http";
import { restoreParameterSet } from "@/lib/services/fsrs-optimise";

export const dynamic = "force-dynamic";

export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const parsed = idParam.safeParse(id);
  const r = parsed.success ? restoreParameterSet(parsed.data, new Date()) : { kind: "not-found" as const };
  if (r.kind === "not-found") return jsonError(404, `parameter set ${id} not found`);
  return Response.json({ weights: r.weights, parameterSetId: r.parameterSetId });
}
