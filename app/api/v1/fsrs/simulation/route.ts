// GET ?seed=&deck= → the workload forecast (one deck with its preset, or all
// cards) for desired retention 0.70–0.97 on the learner's own cards and
// parameters (deterministic for a seed; default 42).
import { z } from "zod";
import { otherMethods, route } from "@/lib/api/route";
import { deckKey } from "@/lib/api/schemas";
import { deckNotFound } from "@/lib/services/outcomes";
import { DEFAULT_SEED, forecastWorkloadFor } from "@/lib/services/fsrs-simulate";

export const dynamic = "force-dynamic";

const query = z
  .object({
    seed: z.coerce
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(DEFAULT_SEED),
    deck: deckKey.optional(),
  })
  .strict();

export const GET = route({ query }, ({ query: q }) => {
  const r = forecastWorkloadFor(new Date(), q.seed, q.deck ?? null);
  return r.kind === "ok" ? Response.json(r.forecast) : deckNotFound(q.deck!);
});
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
