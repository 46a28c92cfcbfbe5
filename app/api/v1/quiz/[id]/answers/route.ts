// POST /api/v1/quiz/{id}/answers { questionId, answer, durationMs } → the result with the correct answer,
// explanation and source; also a review of the question's card (source "quiz"). A second answer → 409.
import { answerQuizQuestion } from "@/lib/db/quiz";
import { jsonError, parseBody } from "@/lib/api/http";
import { answerBody, quizIdParam } from "@/lib/api/quiz-schemas";

export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = (await ctx.params).id;
  if (!quizIdParam.safeParse(id).success) return jsonError(404, `quiz ${id} not found`);
  const body = await parseBody(req, answerBody);
  if (!body.ok) return body.response;
  const r = answerQuizQuestion({ quizId: id, ...body.data }, new Date());
  return r.ok ? Response.json(r.feedback) : jsonError(r.status, r.error);
}
