// GET /api/v1/quiz/{id} → the summary: score, time, score per topic, missed questions with their answers.
import { quizSummary } from "@/lib/services/quiz";
import { otherMethods, route } from "@/lib/api/route";
import { quizIdParams } from "@/lib/api/quiz-schemas";

export const dynamic = "force-dynamic";

export const GET = route({ params: quizIdParams }, ({ params }) => {
  const summary = quizSummary(params.id);
  return summary ? Response.json(summary) : { ok: false, kind: "not-found", error: `quiz ${params.id} not found` };
});
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
