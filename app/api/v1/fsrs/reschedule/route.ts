// GET: preview rescheduling every reviewed card from its history with the
// current settings (next 30 days' due counts before/after, and the last run).
// POST: do it, in one transaction; the reply's batchId undoes it.
import { lastReschedule, applyReschedule, previewReschedule } from "@/lib/services/fsrs-reschedule";

export const dynamic = "force-dynamic";

const lastDto = () => {
  const b = lastReschedule();
  return b ? { id: b.id, createdAt: b.createdAt.toISOString(), count: b.count, undoneAt: b.undoneAt?.toISOString() ?? null } : null;
};

export function GET() {
  return Response.json({ preview: previewReschedule(new Date()), last: lastDto() });
}

export function POST() {
  const r = applyReschedule(new Date());
  return Response.json({ batchId: r.batchId, preview: r.preview, last: lastDto() });
}
