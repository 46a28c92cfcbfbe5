// GET ?deck=: the weights in use and the parameter sets applied so far, newest
// first — the global ones, or one deck's preset's (current null: it uses the global ones).
import { z } from "zod";
import { otherMethods, route } from "@/lib/api/route";
import { parameterSetDto } from "@/lib/api/fsrs-dto";
import { deckKey } from "@/lib/api/schemas";
import { deckNotFound } from "@/lib/services/outcomes";
import { parameterHistoryFor } from "@/lib/services/fsrs-optimise";

export const dynamic = "force-dynamic";

const query = z.object({ deck: deckKey.optional() }).strict();

export const GET = route({ query }, ({ query: q }) => {
  const r = parameterHistoryFor(q.deck ?? null);
  if (r.kind === "not-found") return deckNotFound(q.deck!);
  return Response.json({ current: r.history.current, sets: r.history.sets.map(parameterSetDto) });
});
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
