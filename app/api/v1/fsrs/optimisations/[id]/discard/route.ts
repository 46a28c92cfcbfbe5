// POST: drop a finished fit without applying it.
import { otherMethods, route } from "@/lib/api/route";
import { jobDto, jobIdParams } from "@/lib/api/fsrs-dto";
import { conflict, notFound } from "@/lib/services/outcomes";
import { discardOptimisation } from "@/lib/services/fsrs-optimise";

export const dynamic = "force-dynamic";

export const POST = route({ params: jobIdParams }, ({ params }) => {
  const r = discardOptimisation(params.id);
  if (r.kind === "not-found") return notFound(`optimisation ${params.id} not found`);
  if (r.kind === "conflict") return { ...conflict("this fit has no result to discard"), details: { job: jobDto(r.job) } };
  return Response.json({ job: jobDto(r.job) });
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
