import { readQueue } from "@/lib/services/queue";
import { otherMethods, route } from "@/lib/api/route";
import { queueQuery } from "@/lib/api/review-schemas";
import { queueDto } from "@/lib/api/review-dto";

export const dynamic = "force-dynamic";

export const GET = route({ query: queueQuery }, ({ query }) => {
  const r = readQueue({ deck: query.deck ?? null, limit: query.limit, now: new Date() });
  return r.ok ? Response.json(queueDto(r.queue)) : r;
});
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
