import { jsonError } from "@/lib/api/http";
import { readUpload } from "@/lib/api/upload";
import { importHistory } from "@/lib/services/imports";
import { listImports } from "@/lib/db/imports";

export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json({ imports: listImports().map((i) => ({ ...i, createdAt: new Date(i.createdAt).toISOString() })) });
}

/**
 * An Anki history as a multipart form: `file` (.colpkg, .apkg or revlog CSV)
 * and `confirm` ("1" stores it; otherwise only the summary is returned).
 */
export async function POST(req: Request) {
  const up = await readUpload(req);
  if (!up.ok) return up.response;
  const confirm = up.fields.get("confirm") === "1";
  const r = importHistory(up.name, up.bytes, confirm, new Date());
  if (r.kind === "invalid") return jsonError(400, r.error);
  if (r.kind === "conflict") return jsonError(409, r.error);
  return Response.json({ summary: r.summary, importId: r.importId }, { status: confirm ? 201 : 200 });
}
