import { otherMethods, route } from "@/lib/api/route";
import { idParams } from "@/lib/api/schemas";
import { flagBody, unflagBody } from "@/lib/api/browse-schemas";
import { flagCard, unflagCard } from "@/lib/services/flags";

export const dynamic = "force-dynamic";

/** Flags a card as wrong, ambiguous, a typo or other, with a note (replacing an earlier flag): an undoable study action. */
export const POST = route({ params: idParams, body: flagBody }, ({ params, body }) => {
  const r = flagCard(params.id, body.reason, body.note, body.sessionId, new Date());
  return r.ok ? Response.json({ flag: r.flag, undo: r.undo }) : r;
});

/** Removes the card's flag (`{ sessionId? }`, the body may be empty): an undoable study action. */
export const DELETE = route({ params: idParams, body: unflagBody }, ({ params, body }) => {
  const r = unflagCard(params.id, body.sessionId, new Date());
  return r.ok ? Response.json({ flag: null, undo: r.undo }) : r;
});
export const { GET, PUT, PATCH } = otherMethods("POST", "DELETE");
