// GET /api/v1/decks → { "decks": [{ "key", "title", "cards": { <kind>: <count> } }] }
// Live (not retired) cards only, counted by kind.
import { listDecks } from "@/lib/db/decks";

export const dynamic = "force-dynamic";

export async function GET() {
  const decks = await listDecks();
  return Response.json({ decks: decks.map((d) => ({ key: d.key, title: d.title, cards: d.cards })) });
}
