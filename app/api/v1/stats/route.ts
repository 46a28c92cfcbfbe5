import { z } from "zod";
import { getStats, DeckNotFoundError } from "@/lib/stats";
import { jsonError, parseQuery } from "@/lib/api/http";

export const dynamic = "force-dynamic";

const statsQuery = z.object({ deck: z.string().trim().min(1).max(100).optional() }).strict();

export async function GET(req: Request) {
  const q = parseQuery(req.url, statsQuery);
  if (!q.ok) return q.response;
  try {
    return Response.json(await getStats({ deckKey: q.data.deck, now: new Date() }));
  } catch (e) {
    if (e instanceof DeckNotFoundError) return jsonError(404, `deck ${e.deckKey} not found`);
    throw e;
  }
}
