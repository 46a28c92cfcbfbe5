import { undoInSession, undoTargetOf } from "@/lib/services/study-actions";
import { previewsOf } from "@/lib/services/review";
import { otherMethods, route } from "@/lib/api/route";
import { sessionQuery, undoBody } from "@/lib/api/review-schemas";
import { getFlag } from "@/lib/services/flags";
import { cardDto, flagDto, nextQueueDto, previewDto } from "@/lib/api/review-dto";

export const dynamic = "force-dynamic";

/** What U would undo in this study session: `{ undo: { id, kind, label } | null }`. */
export const GET = route({ query: sessionQuery }, ({ query }) => Response.json({ undo: undoTargetOf(query.sessionId) }));

/** Undoes the session's newest action (or exactly `actionId`): an answer, quiz answer, suspend, bury, flag or bulk action; the reply names it. */
export const POST = route({ body: undoBody }, ({ body }) => {
  const now = new Date();
  const r = undoInSession({ sessionId: body.sessionId, actionId: body.actionId }, now);
  if (!r.ok) return r;
  // The restored card is shown again at once, so it comes with its answer previews and its flag (an undone flag is gone).
  const card = r.card ? { ...cardDto(r.card), previews: previewsOf(r.card, now).map(previewDto), flag: flagDto(getFlag(r.card.id)) } : null;
  return Response.json({
    undone: r.undone,
    card,
    undo: r.undo,
    restored: r.restored,
    skipped: r.skipped,
    quizId: r.quizId,
    queue: nextQueueDto(body.deck, now),
  });
});
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
