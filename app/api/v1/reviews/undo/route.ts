import { undoInDeck } from "@/lib/services/review";
import { otherMethods, route } from "@/lib/api/route";
import { undoBody } from "@/lib/api/review-schemas";
import { cardDto, previewDto } from "@/lib/api/review-dto";

export const dynamic = "force-dynamic";

export const POST = route({ body: undoBody }, ({ body }) => {
  const r = undoInDeck(body.deck ?? null, new Date());
  if (!r.ok) return r;
  // The restored card is shown again at once, so it comes with its answer previews.
  return Response.json({ card: { ...cardDto(r.card), previews: r.previews.map(previewDto) }, undone: r.undone });
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
