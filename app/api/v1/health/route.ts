import { checkHealth } from "@/lib/db/health";
import { otherMethods, route } from "@/lib/api/route";

export const dynamic = "force-dynamic";

export const GET = route({}, async () => {
  const health = await checkHealth(new Date());
  return Response.json(health, { status: health.ok ? 200 : 503 });
});
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
