// GET ?seed=&deck= → the workload forecast (one deck with its preset, or all cards) for desired retention 0.70–0.97 on the
// learner's own cards and parameters (deterministic for a seed; default 42).
import { z } from "zod";
import { jsonError, parseQuery } from "@/lib/api/http";
import { DEFAULT_SEED, forecastWorkloadFor } from "@/lib/services/fsrs-simulate";

export const dynamic = "force-dynamic";

const query = z
  .object({ seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(DEFAULT_SEED), deck: z.string().trim().min(1).max(100).optional() })
  .strict();

export function GET(req: Request) {
  const q = parseQuery(req.url, query);
  if (!q.ok) return q.response;
  const r = forecastWorkloadFor(new Date(), q.data.seed, q.data.deck ?? null);
  return r.kind === "ok" ? Response.json(r.forecast) : jsonError(404, `deck ${JSON.stringify(q.data.deck)} not found`);
}
