// GET / PUT a deck's preset: { desiredRetention, weights }, each null for the global setting.
import { z } from "zod";
import { otherMethods, route } from "@/lib/api/route";
import { deckKey } from "@/lib/api/schemas";
import { deckNotFound, invalid } from "@/lib/services/outcomes";
import { getDeckPreset, setDeckPreset } from "@/lib/services/deck-presets";

export const dynamic = "force-dynamic";

const params = z.object({ key: deckKey });

export const GET = route({ params }, ({ params: p }) => {
  const r = getDeckPreset(p.key);
  return r.kind === "ok" ? Response.json(r.preset) : deckNotFound(p.key);
});

export const PUT = route({ params, body: z.unknown() }, ({ params: p, body }) => {
  const r = setDeckPreset(p.key, body, new Date());
  if (r.kind === "not-found") return deckNotFound(p.key);
  if (r.kind === "invalid") return invalid("invalid preset", z.flattenError(r.error));
  return Response.json(r.preset);
});
export const { POST, PATCH, DELETE } = otherMethods("GET", "PUT");
