// POST /api/v1/reviews — the handler itself, so that the bench can serve the
// exact handler the app serves (scripts may not import app/).
import { answerInSession } from "../../services/study-actions";
import { route } from "../route";
import { reviewBody } from "../review-schemas";
import { cardDto, nextQueueDto } from "../review-dto";

export const postReview = route({ body: reviewBody }, ({ body }) => {
  const { cardId, rating, durationMs, reviewId, reps, sessionId, deck, override } = body;
  const now = new Date();
  const r = answerInSession({ cardId, rating, durationMs, reviewId, expectedReps: reps, sessionId, override }, now);
  if (!r.ok) return r;
  const a = r.result;
  // The next cards and counts come with the reply: one round trip per answer.
  return Response.json(
    { card: cardDto(a.card), duplicate: a.duplicate, leech: a.leech, buried: a.buried, undo: r.undo, queue: nextQueueDto(deck, now) },
    { status: a.duplicate ? 200 : 201 },
  );
});
