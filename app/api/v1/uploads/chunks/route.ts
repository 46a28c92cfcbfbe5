import { otherMethods, route } from "@/lib/api/route";
import { readChunk } from "@/lib/api/upload";
import { addChunk } from "@/lib/services/uploads";

export const dynamic = "force-dynamic";

/**
 * One chunk `{ uploadId, offset, data: base64 }` (under the upload body limit) → `{ received, size }`.
 * A chunk at the wrong offset is 409 with `details.received`, where to resume.
 */
export const POST = route({}, async ({ req }) => {
  const c = await readChunk(req);
  if (!c.ok) return c.response;
  const r = addChunk(c.uploadId, c.offset, c.bytes);
  return r.ok ? Response.json({ id: r.id, size: r.size, received: r.received }) : r;
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
