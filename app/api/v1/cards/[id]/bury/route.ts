import { buryInSession } from "@/lib/services/study-actions";
import { otherMethods, route } from "@/lib/api/route";
import { idParams } from "@/lib/api/schemas";
import { buryBody } from "@/lib/api/review-schemas";
import { cardDto, nextQueueDto } from "@/lib/api/review-dto";

export const dynamic = "force-dynamic";

/** Buries the card and its siblings until the next study day, or unburies it with `{ buried: false }`: an undoable action. */
export const POST = route({ params: idParams, body: buryBody }, ({ params, body }) => {
  const now = new Date();
  const r = buryInSession({ cardId: params.id, buried: body.buried, sessionId: body.sessionId }, now);
  return r.ok ? Response.json({ card: cardDto(r.card), undo: r.undo, queue: nextQueueDto(body.deck, now) }) : r;
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
