// POST: make an earlier parameter set the one in use again.
import { otherMethods, route } from "@/lib/api/route";
import { idParams } from "@/lib/api/schemas";
import { notFound } from "@/lib/services/outcomes";
import { restoreParameterSet } from "@/lib/services/fsrs-optimise";

export const dynamic = "force-dynamic";

export const POST = route({ params: idParams }, ({ params }) => {
  const r = restoreParameterSet(params.id, new Date());
  if (r.kind === "not-found") return notFound(`parameter set ${params.id} not found`);
  return Response.json({ weights: r.weights, parameterSetId: r.parameterSetId });
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
