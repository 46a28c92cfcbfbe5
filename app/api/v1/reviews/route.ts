import { answerCard } from "@/lib/services/review";
import { otherMethods, route } from "@/lib/api/route";
import { reviewBody } from "@/lib/api/review-schemas";
import { cardDto } from "@/lib/api/review-dto";

export const dynamic = "force-dynamic";

export const POST = route({ body: reviewBody }, ({ body }) => {
  const { cardId, rating, durationMs, reviewId, reps, override } = body;
  const r = answerCard({ cardId, rating, durationMs, reviewId, source: "review", expectedReps: reps, override }, new Date());
  if (!r.ok) return r;
  return Response.json({ card: cardDto(r.card), duplicate: r.duplicate, leech: r.leech, buried: r.buried }, { status: r.duplicate ? 200 : 201 });
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
