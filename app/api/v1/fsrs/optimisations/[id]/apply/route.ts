// POST: make a finished fit's parameters the ones in use (recorded in the parameter-set history).
import { jsonError } from "@/lib/api/http";
import { jobDto, jobIdParam } from "@/lib/api/fsrs-dto";
import { applyOptimisation } from "@/lib/services/fsrs-optimise";

export const dynamic = "force-dynamic";

export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  if (!jobIdParam.safeParse(id).success) return jsonError(404, `optimisation ${id} not found`);
  const r = applyOptimisation(id, new Date());
  if (r.kind === "not-found") return jsonError(404, `optimisation ${id} not found`);
  if (r.kind === "conflict") {
    const why = r.reason === "weights-changed" ? "the parameters changed since this fit started; optimise again" : "this fit has no result to apply";
    return jsonError(409, why, { reason: r.reason, job: jobDto(r.job) });
  }
  return Response.json({ job: jobDto(r.job), parameterSetId: r.parameterSetId });
}
