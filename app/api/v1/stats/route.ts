import { readStats } from "@/lib/services/stats";
import { otherMethods, route } from "@/lib/api/route";
import { statsQuery } from "@/lib/api/review-schemas";

export const dynamic = "force-dynamic";

export const GET = route({ query: statsQuery }, async ({ query }) => {
  const r = await readStats({ deckKey: query.deck, now: new Date() });
  return r.ok ? Response.json(r.stats) : r;
});
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
