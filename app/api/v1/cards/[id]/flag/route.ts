import { idParam, jsonError, parseBody, zodError } from "@/lib/api/http";
import { flagBody } from "@/lib/api/browse-schemas";
import { flagCard, unflagCard } from "@/lib/services/flags";

export const dynamic = "force-dynamic";

/** Flags a card as wrong, ambiguous, a typo or other, with a note (replacing an earlier flag). */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = idParam.safeParse((await ctx.params).id);
  if (!id.success) return zodError(id.error);
  const body = await parseBody(req, flagBody);
  if (!body.ok) return body.response;
  const r = flagCard(id.data, body.data.reason, body.data.note, new Date());
  return r.kind === "ok" ? Response.json({ flag: r.flag }) : jsonError(404, `card ${id.data} not found`);
}

export async function DELETE(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = idParam.safeParse((await ctx.params).id);
  if (!id.success) return zodError(id.error);
  const r = unflagCard(id.data, new Date());
  return r.kind === "ok" ? Response.json({ flag: null }) : jsonError(404, `card ${id.data} not found`);
}
