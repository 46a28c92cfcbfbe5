import { backUpNow, listBackups } from "@/lib/services/backup";

export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json({ backups: listBackups() });
}

/** Backs the whole collection up now; the file is listed by GET and downloaded from /api/v1/backups/{name}. */
export async function POST() {
  return Response.json({ backup: backUpNow(new Date()) }, { status: 201 });
}
