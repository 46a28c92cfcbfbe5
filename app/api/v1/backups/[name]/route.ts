import { readFileSync } from "node:fs";
import { jsonError } from "@/lib/api/http";
import { backupFile } from "@/lib/services/backup";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ name: string }> }) {
  const name = (await ctx.params).name;
  const file = backupFile(name);
  if (!file) return jsonError(404, `backup ${name} not found`);
  return new Response(readFileSync(file), { headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${name}"` } });
}
