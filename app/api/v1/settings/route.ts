// GET the scheduling settings; PUT a complete settings object; PATCH some fields.
// Invalid bodies → 400 { error, details } (zod's flattened errors, per field); nothing is written.
import { z } from "zod";
import { getSettings, patchSettings, updateSettings, type SaveResult } from "@/lib/db/settings";
import { jsonError, parseBody } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(getSettings());
}

function reply(r: SaveResult): Response {
  if (r.ok) return Response.json(r.settings);
  return jsonError(400, "invalid settings", { formErrors: r.formErrors, fieldErrors: r.fieldErrors });
}

// parseBody checks the size and the JSON; the settings' own validation happens in lib/db/settings.
const anyJson = z.unknown();

export async function PUT(req: Request) {
  const body = await parseBody(req, anyJson);
  if (!body.ok) return body.response;
  return reply(updateSettings(body.data, new Date()));
}

export async function PATCH(req: Request) {
  const body = await parseBody(req, anyJson);
  if (!body.ok) return body.response;
  return reply(patchSettings(body.data, new Date()));
}
