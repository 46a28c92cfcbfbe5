// GET: preview rescheduling every reviewed card from its history with the
// current settings (next 30 days' due counts before/after, and the last run).
// POST: do it, in one transaction; the reply's batchId undoes it.
import { otherMethods, route } from "@/lib/api/route";
import { applyReschedule, lastReschedule, previewReschedule } from "@/lib/services/fsrs-reschedule";

export const dynamic = "force-dynamic";

const lastDto = () => {
  const b = lastReschedule();
  return b ? { id: b.id, createdAt: b.createdAt.toISOString(), count: b.count, undoneAt: b.undoneAt?.toISOString() ?? null } : null;
};

export const GET = route({}, () => Response.json({ preview: previewReschedule(new Date()), last: lastDto() }));

export const POST = route({}, () => {
  const r = applyReschedule(new Date());
  return Response.json({ batchId: r.batchId, preview: r.preview, last: lastDto() });
});
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
