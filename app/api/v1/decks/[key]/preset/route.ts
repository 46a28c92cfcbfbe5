// GET / PUT a deck's preset: { desiredRetention, weights }, each null for the global setting.
import { z } from "zod";
import { jsonError, parseBody, zodError } from "@/lib/api/http";
import { getDeckPreset, setDeckPreset } from "@/lib/services/deck-presets";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ key: string }> };

export async function GET(_req: Request, ctx: Ctx) {
  const { key } = await ctx.params;
  const r = getDeckPreset(key);
  return r.kind === "ok" ? Response.json(r.preset) : jsonError(404, `deck ${JSON.stringify(key)} not found`);
}

export async function PUT(req: Request, ctx: Ctx) {
  const { key } = await ctx.params;
  const body = await parseBody(req, z.unknown());
  if (!body.ok) return body.response;
  const r = setDeckPreset(key, body.data, new Date());
  if (r.kind === "not-found") return jsonError(404, `deck ${JSON.stringify(key)} not found`);
  if (r.kind === "invalid") return zodError(r.error);
  return Response.json(r.preset);
}
