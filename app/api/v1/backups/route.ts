import { otherMethods, route } from "@/lib/api/route";
import { backUpNow, listBackups } from "@/lib/services/backup";

export const dynamic = "force-dynamic";

export const GET = route({}, () => Response.json({ backups: listBackups() }));

/** Backs the whole collection up now; the file is listed by GET and downloaded from /api/v1/backups/{name}. */
export const POST = route({}, () => Response.json({ backup: backUpNow(new Date()) }, { status: 201 }));
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
