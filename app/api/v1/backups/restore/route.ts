import { z } from "zod";
import { otherMethods, parseBody, route } from "@/lib/api/route";
import { readUpload } from "@/lib/api/upload";
import { restoreFrom } from "@/lib/services/backup";

export const dynamic = "force-dynamic";

const byName = z.object({ name: z.string().min(1).max(200) }).strict();

/**
 * Restores a backup: an uploaded file (multipart form, field `file`) or a saved
 * one by name (JSON `{ name }`). A bad file is a 400 with one sentence and changes nothing.
 */
export const POST = route({}, async ({ req }) => {
  let source: { bytes: Uint8Array } | { name: string };
  if ((req.headers.get("content-type") ?? "").startsWith("application/json")) {
    const body = await parseBody(req, byName);
    if (!body.ok) return body.response;
    source = { name: body.data.name };
  } else {
    const up = await readUpload(req);
    if (!up.ok) return up.response;
    source = { bytes: up.bytes };
  }
  const r = restoreFrom(source, new Date());
  if (!r.ok) return r;
  return Response.json({ restored: { createdAt: r.result.manifest.createdAt, appVersion: r.result.manifest.appVersion, counts: r.result.counts, migrated: r.result.migrated }, safetyBackup: r.result.safetyBackup });
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
