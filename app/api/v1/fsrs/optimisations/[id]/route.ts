// GET: one optimisation job (progress, then the comparison). DELETE: cancel it while it runs.
import { otherMethods, route } from "@/lib/api/route";
import { jobDto, jobIdParams } from "@/lib/api/fsrs-dto";
import { conflict, notFound } from "@/lib/services/outcomes";
import { cancelOptimisation, getOptimisation } from "@/lib/services/fsrs-optimise";

export const dynamic = "force-dynamic";

export const GET = route({ params: jobIdParams }, ({ params }) => {
  const job = getOptimisation(params.id);
  return job ? Response.json({ job: jobDto(job) }) : notFound(`optimisation ${params.id} not found`);
});

export const DELETE = route({ params: jobIdParams }, ({ params }) => {
  const r = cancelOptimisation(params.id);
  if (r.kind === "not-found") return notFound(`optimisation ${params.id} not found`);
  if (r.kind === "conflict") return { ...conflict(`optimisation ${params.id} is not running`), details: { job: jobDto(r.job) } };
  return Response.json({ job: jobDto(r.job) }, { status: 202 });
});
export const { POST, PUT, PATCH } = otherMethods("GET", "DELETE");
