// GET the scheduling settings; PUT a complete settings object; PATCH some fields.
// Invalid bodies → 400 { error, details } (zod's flattened errors, per field); nothing is written.
import { z } from "zod";
import { getSettings, patchSettings, updateSettings, type SaveResult } from "@/lib/services/settings";
import { otherMethods, route } from "@/lib/api/route";

export const dynamic = "force-dynamic";

export const GET = route({}, () => Response.json(getSettings()));

function reply(r: SaveResult) {
  if (r.ok) return Response.json(r.settings);
  return { ok: false as const, kind: r.kind, error: "invalid settings", details: { formErrors: r.formErrors, fieldErrors: r.fieldErrors } };
}

// The wrapper checks the size and the JSON; the settings' own validation happens in lib/services/settings.
const anyJson = z.unknown();

export const PUT = route({ body: anyJson }, ({ body }) => reply(updateSettings(body, new Date())));
export const PATCH = route({ body: anyJson }, ({ body }) => reply(patchSettings(body, new Date())));
export const { POST, DELETE } = otherMethods("GET", "PUT", "PATCH");
