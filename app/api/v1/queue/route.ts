import { getQueue, deckIdOf } from "@/lib/db/queue";
import { jsonError, parseQuery } from "@/lib/api/http";
import { queueQuery } from "@/lib/api/review-schemas";
import { queueDto } from "@/lib/api/review-dto";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const q = parseQuery(req.url, queueQuery);
  if (!q.ok) return q.response;
  const deckId = q.data.deck ? deckIdOf(q.data.deck) : null;
  if (q.data.deck && deckId === null) return jsonError(404, `deck ${q.data.deck} not found`);
  return Response.json(queueDto(getQueue({ deckId, limit: q.data.limit, now: new Date() })));
}
