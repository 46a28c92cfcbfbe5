import { suspendInSession } from "@/lib/services/study-actions";
import { otherMethods, route } from "@/lib/api/route";
import { idParams } from "@/lib/api/schemas";
import { suspendBody } from "@/lib/api/review-schemas";
import { cardDto, nextQueueDto } from "@/lib/api/review-dto";

export const dynamic = "force-dynamic";

/** Suspends the card (its siblings are hidden for the rest of the day), or unsuspends it with `{ suspended: false }`: an undoable action. */
export const POST = route({ params: idParams, body: suspendBody }, ({ params, body }) => {
  const now = new Date();
  const r = suspendInSession({ cardId: params.id, suspended: body.suspended, sessionId: body.sessionId }, now);
  return r.ok ? Response.json({ card: cardDto(r.card), undo: r.undo, queue: nextQueueDto(body.deck, now) }) : r;
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
