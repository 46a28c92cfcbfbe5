// POST: undo one reschedule run (cards answered since keep their answers).
import { otherMethods, route } from "@/lib/api/route";
import { idParams } from "@/lib/api/schemas";
import { conflict, notFound } from "@/lib/services/outcomes";
import { undoReschedule } from "@/lib/services/fsrs-reschedule";

export const dynamic = "force-dynamic";

export const POST = route({ params: idParams }, ({ params }) => {
  const r = undoReschedule(params.id, new Date());
  if (r.kind === "not-found") return notFound(`reschedule ${params.id} not found`);
  if (r.kind === "conflict") return conflict(`reschedule ${params.id} was already undone`);
  return Response.json({ restored: r.restored, keptAnswered: r.keptAnswered });
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
