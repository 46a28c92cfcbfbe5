// GET: one optimisation job (progress, then the comparison). DELETE: cancel it while it runs.
import { jsonError } from "@/lib/api/http";
import { jobDto, jobIdParam } from "@/lib/api/fsrs-dto";
import { cancelOptimisation, getOptimisation } from "@/lib/services/fsrs-optimise";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export async function GET(_req: Request, ctx: Ctx) {
  const { id } = await ctx.params;
  const job = jobIdParam.safeParse(id).success ? getOptimisation(id) : null;
  return job ? Response.json({ job: jobDto(job) }) : jsonError(404, `optimisation ${id} not found`);
}

export async function DELETE(_req: Request, ctx: Ctx) {
  const { id } = await ctx.params;
  if (!jobIdParam.safeParse(id).success) return jsonError(404, `optimisation ${id} not found`);
  const r = cancelOptimisation(id);
  if (r.kind === "not-found") return jsonError(404, `optimisation ${id} not found`);
  if (r.kind === "conflict") return jsonError(409, `optimisation ${id} is not running`, { job: jobDto(r.job) });
  return Response.json({ job: jobDto(r.job) }, { status: 202 });
}
