// POST /api/v1/quiz { deck, topic, length, seed?, questionIds? } → 201 the quiz with its questions (no answers).
import { createQuiz } from "@/lib/db/quiz";
import { jsonError, parseBody } from "@/lib/api/http";
import { createQuizBody } from "@/lib/api/quiz-schemas";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  const body = await parseBody(req, createQuizBody);
  if (!body.ok) return body.response;
  const r = createQuiz(body.data, new Date());
  if (!r.ok) return jsonError(r.status, r.error);
  return Response.json(r.quiz, { status: 201 });
}
