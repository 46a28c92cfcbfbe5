// POST /api/v1/quiz/{id}/end → ends an unfinished quiz (it leaves the resume list; answers given stay logged).
import { z } from "zod";
import { endQuiz } from "@/lib/services/quiz";
import { otherMethods, route } from "@/lib/api/route";
import { quizIdParams } from "@/lib/api/quiz-schemas";

export const dynamic = "force-dynamic";

export const POST = route({ params: quizIdParams, body: z.object({}).strict() }, ({ params }) => {
  const r = endQuiz(params.id, new Date());
  return r.ok ? Response.json({ id: params.id, ended: r.ended }) : r;
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
