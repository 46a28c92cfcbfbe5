import { z } from "zod";
import { undoLastReview } from "@/lib/db/review";
import { deckIdOf } from "@/lib/db/queue";
import { getSettings } from "@/lib/db/settings";
import { previewIntervals } from "@/lib/srs";
import { jsonError, parseBody } from "@/lib/api/http";
import { cardDto, previewDto } from "@/lib/api/review-dto";

export const dynamic = "force-dynamic";

const undoBody = z.object({ deck: z.string().trim().min(1).max(100).optional() }).strict();

export async function POST(req: Request) {
  const body = await parseBody(req, undoBody);
  if (!body.ok) return body.response;
  const deckId = body.data.deck ? deckIdOf(body.data.deck) : null;
  if (body.data.deck && deckId === null) return jsonError(404, `deck ${body.data.deck} not found`);
  const now = new Date();
  const r = undoLastReview(now, deckId);
  if (!r.ok) return jsonError(r.status, r.error);
  // The restored card is shown again at once, so it comes with its answer previews.
  const previews = previewIntervals(r.card, getSettings(), now).map(previewDto);
  return Response.json({ card: { ...cardDto(r.card), previews }, undone: r.undone });
}
