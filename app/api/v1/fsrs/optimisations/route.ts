// POST: start fitting FSRS on the learner's history (202 with the job; 409 while
// another fit runs; 422 when there is nothing to learn from). GET: the latest job or null.
import { jsonError } from "@/lib/api/http";
import { jobDto } from "@/lib/api/fsrs-dto";
import { latestOptimisation, startOptimisation } from "@/lib/services/fsrs-optimise";

export const dynamic = "force-dynamic";

export function GET() {
  const job = latestOptimisation();
  return Response.json({ job: job ? jobDto(job) : null });
}

export async function POST() {
  const r = await startOptimisation(new Date());
  switch (r.kind) {
    case "started":
      return Response.json({ job: jobDto(r.job) }, { status: 202 });
    case "conflict":
      return jsonError(409, "a fit is already running", { job: jobDto(r.job) });
    case "invalid":
      return jsonError(422, "no reviews to learn from yet", { job: jobDto(r.job) });
  }
}
