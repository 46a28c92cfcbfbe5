// Any /api/v1/* path no route serves: JSON 404, whatever the method.
import { jsonError } from "@/lib/api/route";

export const dynamic = "force-dynamic";

const unknownPath = (req: Request) => jsonError(404, `no such API path: ${new URL(req.url).pathname} (see the JSON API table in README.md)`);
export { unknownPath as GET, unknownPath as POST, unknownPath as PUT, unknownPath as PATCH, unknownPath as DELETE };
