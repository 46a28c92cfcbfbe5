import { otherMethods, route } from "@/lib/api/route";
import { uploadIdParams } from "@/lib/api/upload";
import { cancelUpload, uploadStatus } from "@/lib/services/uploads";

export const dynamic = "force-dynamic";

const dto = (r: { id: string; fileName: string; size: number; received: number }) => ({ id: r.id, fileName: r.fileName, size: r.size, received: r.received });

/** Where an upload stands (`received` is where to resume). */
export const GET = route({ params: uploadIdParams }, ({ params }) => {
  const r = uploadStatus(params.id);
  return r.ok ? Response.json(dto(r)) : r;
});

/** Cancels an upload and removes what arrived. */
export const DELETE = route({ params: uploadIdParams }, ({ params }) => {
  const r = cancelUpload(params.id);
  return r.ok ? Response.json({ cancelled: params.id }) : r;
});
export const { POST, PUT, PATCH } = otherMethods("GET", "DELETE");
