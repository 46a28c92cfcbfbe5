// POST: make a finished fit's parameters the ones in use (recorded in the parameter-set history).
import { otherMethods, route } from "@/lib/api/route";
import { jobDto, jobIdParams } from "@/lib/api/fsrs-dto";
import { conflict, notFound } from "@/lib/services/outcomes";
import { applyOptimisation } from "@/lib/services/fsrs-optimise";

export const dynamic = "force-dynamic";

export const POST = route({ params: jobIdParams }, ({ params }) => {
  const r = applyOptimisation(params.id, new Date());
  if (r.kind === "not-found") return notFound(`optimisation ${params.id} not found`);
  if (r.kind === "conflict") {
    const why = r.reason === "weights-changed" ? "the parameters changed since this fit started; optimise again" : "this fit has no result to apply";
    return { ...conflict(why), details: { reason: r.reason, job: jobDto(r.job) } };
  }
  return Response.json({ job: jobDto(r.job), parameterSetId: r.parameterSetId });
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
