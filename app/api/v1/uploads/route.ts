import { otherMethods, route } from "@/lib/api/route";
import { MAX_UPLOAD_FILE_BYTES, startUploadSchema, UPLOAD_CHUNK_BYTES } from "@/lib/api/upload";
import { startUpload } from "@/lib/services/uploads";

export const dynamic = "force-dynamic";

/**
 * Starts a chunked upload: `{ fileName, size, sha256 }` → 201 `{ id, size, received: 0, chunkBytes }`;
 * a file over the cap is 413 before a byte of it is sent. Chunks go to /api/v1/uploads/chunks.
 */
export const POST = route({ body: startUploadSchema }, ({ body }) => {
  const r = startUpload(body, MAX_UPLOAD_FILE_BYTES, new Date());
  return r.ok ? Response.json({ id: r.id, size: r.size, received: r.received, chunkBytes: UPLOAD_CHUNK_BYTES }, { status: 201 }) : r;
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
