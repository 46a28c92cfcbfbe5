import { answerCard } from "@/lib/db/review";
import { jsonError, parseBody } from "@/lib/api/http";
import { reviewBody } from "@/lib/api/review-schemas";
import { cardDto } from "@/lib/api/review-dto";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  const body = await parseBody(req, reviewBody);
  if (!body.ok) return body.response;
  const { cardId, rating, durationMs, reviewId, reps } = body.data;
  const r = answerCard({ cardId, rating, durationMs, reviewId, source: "review", expectedReps: reps }, new Date());
  if (!r.ok) return jsonError(r.status, r.error);
  return Response.json({ card: cardDto(r.card), duplicate: r.duplicate, leech: r.leech, buried: r.buried }, { status: r.duplicate ? 200 : 201 });
}
