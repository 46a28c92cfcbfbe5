import { setSuspended } from "@/lib/services/review";
import { otherMethods, route } from "@/lib/api/route";
import { idParams } from "@/lib/api/schemas";
import { suspendBody } from "@/lib/api/review-schemas";
import { cardDto } from "@/lib/api/review-dto";

export const dynamic = "force-dynamic";

export const POST = route({ params: idParams, body: suspendBody }, ({ params, body }) => {
  const r = setSuspended(params.id, body.suspended, new Date());
  return r.ok ? Response.json({ card: cardDto(r.card) }) : r;
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
