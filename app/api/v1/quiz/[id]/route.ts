// GET /api/v1/quiz/{id} → the summary: score, time, score per topic, missed questions with their answers.
import { quizSummary } from "@/lib/db/quiz";
import { jsonError } from "@/lib/api/http";
import { quizIdParam } from "@/lib/api/quiz-schemas";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = (await ctx.params).id;
  const summary = quizIdParam.safeParse(id).success ? quizSummary(id) : null;
  return summary ? Response.json(summary) : jsonError(404, `quiz ${id} not found`);
}
