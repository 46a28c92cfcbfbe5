// POST: drop a finished fit without applying it.
import { jsonError } from "@/lib/api/http";
import { jobDto, jobIdParam } from "@/lib/api/fsrs-dto";
import { discardOptimisation } from "@/lib/services/fsrs-optimise";

export const dynamic = "force-dynamic";

export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  if (!jobIdParam.safeParse(id).success) return jsonError(404, `optimisation ${id} not found`);
  const r = discardOptimisation(id);
  if (r.kind === "not-found") return jsonError(404, `optimisation ${id} not found`);
  if (r.kind === "conflict") return jsonError(409, "this fit has no result to discard", { job: jobDto(r.job) });
  return Response.json({ job: jobDto(r.job) });
}
