import { readFileSync } from "node:fs";
import { z } from "zod";
import { jsonError, otherMethods, route } from "@/lib/api/route";
import { backupFile } from "@/lib/services/backup";

export const dynamic = "force-dynamic";

export const GET = route({ params: z.object({ name: z.string().min(1).max(200) }) }, ({ params }) => {
  const file = backupFile(params.name);
  if (!file) return jsonError(404, `backup ${params.name} not found`);
  return new Response(readFileSync(file), { headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${params.name}"` } });
});
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
