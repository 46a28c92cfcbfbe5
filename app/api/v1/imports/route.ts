import { otherMethods, route } from "@/lib/api/route";
import { readUpload } from "@/lib/api/upload";
import { importHistory, importUpload, listImports } from "@/lib/services/imports";

export const dynamic = "force-dynamic";

export const GET = route({}, () => Response.json({ imports: listImports().map((i) => ({ ...i, createdAt: new Date(i.createdAt).toISOString() })) }));

/**
 * An Anki history (.colpkg, .apkg or revlog CSV) as `{ fileName, data: base64, confirm? }`, or
 * one sent in chunks as `{ uploadId, confirm? }` (/api/v1/uploads):
 * `confirm: true` stores it; otherwise only the summary is returned.
 */
export const POST = route({}, async ({ req }) => {
  const up = await readUpload(req);
  if (!up.ok) return up.response;
  const confirm = up.body.confirm === true;
  const r = "uploadId" in up ? importUpload(up.uploadId, confirm, new Date()) : importHistory(up.name, up.bytes, confirm, new Date());
  return r.ok ? Response.json({ summary: r.summary, importId: r.importId }, { status: confirm ? 201 : 200 }) : r;
});
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
