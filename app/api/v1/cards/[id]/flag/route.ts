import { otherMethods, route } from "@/lib/api/route";
import { idParams } from "@/lib/api/schemas";
import { flagBody } from "@/lib/api/browse-schemas";
import { flagCard, unflagCard } from "@/lib/services/flags";

export const dynamic = "force-dynamic";

/** Flags a card as wrong, ambiguous, a typo or other, with a note (replacing an earlier flag). */
export const POST = route({ params: idParams, body: flagBody }, ({ params, body }) => {
  const r = flagCard(params.id, body.reason, body.note, new Date());
  return r.ok ? Response.json({ flag: r.flag }) : r;
});

export const DELETE = route({ params: idParams }, ({ params }) => {
  const r = unflagCard(params.id, new Date());
  return r.ok ? Response.json({ flag: null }) : r;
});
export const { GET, PUT, PATCH } = otherMethods("POST", "DELETE");
