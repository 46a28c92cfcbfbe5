// POST /api/v1/quiz { deck, topic, length, seed?, questionIds? } → 201 the quiz with its questions (no answers).
// GET /api/v1/quiz → { unfinished }: quizzes begun and not finished or ended, newest first.
import { createQuiz, unfinishedQuizzes } from "@/lib/services/quiz";
import { otherMethods, route } from "@/lib/api/route";
import { createQuizBody } from "@/lib/api/quiz-schemas";

export const dynamic = "force-dynamic";

export const POST = route({ body: createQuizBody }, ({ body }) => {
  const r = createQuiz(body, new Date());
  return r.ok ? Response.json(r.quiz, { status: 201 }) : r;
});
export const GET = route({}, () => Response.json({ unfinished: unfinishedQuizzes() }));
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
