import { buryCard } from "@/lib/services/review";
import { otherMethods, route } from "@/lib/api/route";
import { idParams } from "@/lib/api/schemas";
import { emptyBody } from "@/lib/api/review-schemas";
import { cardDto } from "@/lib/api/review-dto";

export const dynamic = "force-dynamic";

export const POST = route({ params: idParams, body: emptyBody }, ({ params }) => {
  const r = buryCard(params.id, new Date());
  return r.ok ? Response.json({ card: cardDto(r.card) }) : r;
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
