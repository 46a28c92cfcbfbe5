// GET: the weights in use and the parameter sets applied so far, newest first.
import { otherMethods, route } from "@/lib/api/route";
import { parameterSetDto } from "@/lib/api/fsrs-dto";
import { parameterHistory } from "@/lib/services/fsrs-optimise";

export const dynamic = "force-dynamic";

export const GET = route({}, () => {
  const h = parameterHistory();
  return Response.json({ current: h.current, sets: h.sets.map(parameterSetDto) });
});
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
