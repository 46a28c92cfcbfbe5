import { undoLastReview } from "@/lib/db/review";
import { jsonError } from "@/lib/api/http";
import { cardDto } from "@/lib/api/review-dto";

export const dynamic = "force-dynamic";

export async function POST() {
  const r = undoLastReview(new Date());
  if (!r.ok) return jsonError(r.status, r.error);
  return Response.json({ card: cardDto(r.card), undone: r.undone });
}
