import { postReview } from "@/lib/api/handlers/answer";
import { otherMethods } from "@/lib/api/route";

export const dynamic = "force-dynamic";

export const POST = postReview;
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
