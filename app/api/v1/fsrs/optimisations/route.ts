// POST { deck? }: start fitting FSRS on the learner's history — all of it, or one
// deck's for its preset (202 with the job; 404 for an unknown deck; 409 while
// another fit runs; 422 when there is nothing to learn from). GET: the latest job or null.
import { z } from "zod";
import { deckKey } from "@/lib/api/schemas";
import { jsonError, otherMethods, route } from "@/lib/api/route";
import { jobDto } from "@/lib/api/fsrs-dto";
import { conflict, deckNotFound } from "@/lib/services/outcomes";
import { latestOptimisation, startOptimisation } from "@/lib/services/fsrs-optimise";

export const dynamic = "force-dynamic";

export const GET = route({}, () => {
  const job = latestOptimisation();
  return Response.json({ job: job ? jobDto(job) : null });
});

const startBody = z.object({ deck: deckKey.optional() }).strict();

export const POST = route({ body: startBody }, async ({ body }) => {
  const r = await startOptimisation(new Date(), undefined, body.deck ?? null);
  switch (r.kind) {
    case "not-found":
      return deckNotFound(body.deck!);
    case "started":
      return Response.json({ job: jobDto(r.job) }, { status: 202 });
    case "conflict":
      return { ...conflict("a fit is already running"), details: { job: jobDto(r.job) } };
    case "invalid":
      return jsonError(422, "no reviews to learn from yet", { job: jobDto(r.job) });
  }
});
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
