// POST /api/v1/quiz/{id}/answers { questionId, answer, durationMs } → the result with the correct answer,
// explanation and source; also a review of the question's card (source "quiz"). A second answer → 409,
// except `override: true` after a Close cloze answer: "I was right" counts it right (logged as an override).
// Each answer (and override) is a step on the session's undo stack (`sessionId`; POST /api/v1/reviews/undo).
import { answerQuizQuestion, overrideQuizAnswer } from "@/lib/services/quiz";
import { otherMethods, route } from "@/lib/api/route";
import { answerBody, quizIdParams } from "@/lib/api/quiz-schemas";

export const dynamic = "force-dynamic";

export const POST = route({ params: quizIdParams, body: answerBody }, ({ params, body }) => {
  const { override, ...answer } = body;
  const r = override
    ? overrideQuizAnswer({ quizId: params.id, questionId: answer.questionId, sessionId: answer.sessionId }, new Date())
    : answerQuizQuestion({ quizId: params.id, ...answer }, new Date());
  return r.ok ? Response.json(r.feedback) : r;
});
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
