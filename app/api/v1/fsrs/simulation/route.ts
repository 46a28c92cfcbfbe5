// GET ?seed= → the workload forecast for desired retention 0.70–0.97 on the
// learner's own cards and parameters (deterministic for a seed; default 42).
import { z } from "zod";
import { parseQuery } from "@/lib/api/http";
import { DEFAULT_SEED, forecastWorkload } from "@/lib/services/fsrs-simulate";

export const dynamic = "force-dynamic";

const query = z.object({ seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(DEFAULT_SEED) }).strict();

export function GET(req: Request) {
  const q = parseQuery(req.url, query);
  if (!q.ok) return q.response;
  return Response.json(forecastWorkload(new Date(), q.data.seed));
}
