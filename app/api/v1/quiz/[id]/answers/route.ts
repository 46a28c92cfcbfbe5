// POST /api/v1/quiz/{id}/answers { questionId, answer, durationMs } → the result with the correct answer,
// explanation and source; also a review of the question's card (source "quiz"). A second answer → 409.
import { answerQuizQuestion } from "@/lib/services/quiz";
import { otherMethods, route } from "@/lib/api/route";
import { answerBody, quizIdParams } from "@/lib/api/quiz-schemas";

export const dynamic = "force-dynamic";

export const POST = route({ params: quizIdParams, body: answerBody }, ({ params, body }) => {
  const r = answerQuizQuestion({ quizId: params.id, ...body }, new Date());
  return r.ok ? Response.json(r.feedback) : r;
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
