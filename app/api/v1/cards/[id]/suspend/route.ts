import { setSuspended } from "@/lib/db/review";
import { idParam, jsonError, parseBody, zodError } from "@/lib/api/http";
import { suspendBody } from "@/lib/api/review-schemas";
import { cardDto } from "@/lib/api/review-dto";

export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = idParam.safeParse((await ctx.params).id);
  if (!id.success) return zodError(id.error);
  const body = await parseBody(req, suspendBody);
  if (!body.ok) return body.response;
  const r = setSuspended(id.data, body.data.suspended, new Date());
  return r.ok ? Response.json({ card: cardDto(r.card) }) : jsonError(r.status, r.error);
}
