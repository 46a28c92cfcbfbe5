import { buryCard } from "@/lib/db/review";
import { idParam, jsonError, zodError } from "@/lib/api/http";
import { cardDto } from "@/lib/api/review-dto";

export const dynamic = "force-dynamic";

export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = idParam.safeParse((await ctx.params).id);
  if (!id.success) return zodError(id.error);
  const r = buryCard(id.data, new Date());
  return r.ok ? Response.json({ card: cardDto(r.card) }) : jsonError(r.status, r.error);
}
