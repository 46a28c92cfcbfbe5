// GET /api/v1/decks → { "decks": [{ "key", "title", "cards": { <kind>: <count> } }] }
// Live (not retired) cards only, counted by kind.
import { listDecks } from "@/lib/db/decks";
import { otherMethods, route } from "@/lib/api/route";

export const dynamic = "force-dynamic";

export const GET = route({}, async () => {
  const decks = await listDecks();
  return Response.json({ decks: decks.map((d) => ({ key: d.key, title: d.title, cards: d.cards })) });
});
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
