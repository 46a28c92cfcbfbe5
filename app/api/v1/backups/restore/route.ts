import { otherMethods, route } from "@/lib/api/route";
import { readUploadOrName } from "@/lib/api/upload";
import { restoreFrom } from "@/lib/services/backup";

export const dynamic = "force-dynamic";

/**
 * Restores a backup: an uploaded file (`{ fileName, data: base64 }`) or a saved
 * one by name (`{ name }`), or one sent in chunks (`{ uploadId }`, /api/v1/uploads). A bad file is a 400 with one sentence and changes nothing.
 */
export const POST = route({}, async ({ req }) => {
  const up = await readUploadOrName(req);
  if (!up.ok) return up.response;
  const r = restoreFrom("savedName" in up ? { name: up.savedName } : "uploadId" in up ? { uploadId: up.uploadId } : { bytes: up.bytes }, new Date());
  if (!r.ok) return r;
  return Response.json({
    restored: { createdAt: r.result.manifest.createdAt, appVersion: r.result.manifest.appVersion, counts: r.result.counts, migrated: r.result.migrated },
    safetyBackup: r.result.safetyBackup,
  });
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
