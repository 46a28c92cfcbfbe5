// GET /api/v1/quiz/{id}/progress → the quiz with its questions (no answers), how many are answered and right,
// and the position of the next question: a reload or a return continues there.
import { quizProgress } from "@/lib/services/quiz";
import { otherMethods, route } from "@/lib/api/route";
import { quizIdParams } from "@/lib/api/quiz-schemas";

export const dynamic = "force-dynamic";

export const GET = route({ params: quizIdParams }, ({ params }) => {
  const p = quizProgress(params.id);
  return p ? Response.json(p) : { ok: false, kind: "not-found", error: `quiz ${params.id} not found` };
});
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
