// GET /api/v1/reviews/session?sessionId= → what this study session did: cards, time, Again rate, leeches.
import { sessionSummary } from "@/lib/services/study-actions";
import { otherMethods, route } from "@/lib/api/route";
import { sessionQuery } from "@/lib/api/review-schemas";

export const dynamic = "force-dynamic";

export const GET = route({ query: sessionQuery }, ({ query }) => Response.json(sessionSummary(query.sessionId)));
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
