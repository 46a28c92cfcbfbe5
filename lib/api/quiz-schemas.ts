// Request bodies of the quiz API (app/api/v1/quiz), validated at the edge.
import { z } from "zod";
import { MAX_SEED } from "../db/quiz";

const text = z.string().max(2000);

export const QUIZ_LENGTHS = [5, 10, 20] as const;

export const createQuizBody = z
  .object({
    deck: z.string().trim().min(1).max(100),
    topic: z.enum(["vocabulary", "takeaways", "pipeline", "all"], { error: 'topic must be "vocabulary", "takeaways", "pipeline" or "all"' }),
    length: z.union([z.literal(5), z.literal(10), z.literal(20)], { error: "length must be 5, 10 or 20" }).optional(),
    seed: z.number().int().min(0).max(MAX_SEED).optional(),
    /** Retry: ask exactly these questions (e.g. the missed ones); `length`, if given, caps them. */
    questionIds: z.array(z.string().min(1).max(300)).min(1).max(20).optional(),
  })
  .strict()
  .refine((b) => b.length !== undefined || b.questionIds !== undefined, { message: "length is required (5, 10 or 20)", path: ["length"] });

export const answerBody = z
  .object({
    questionId: z.string().min(1).max(300),
    answer: z.union(
      [
        text,
        z.number().int().min(0).max(1000),
        z.boolean(),
        z.array(text).max(50),
        z.array(z.object({ left: text, right: text }).strict()).max(50),
        z.record(text, text),
      ],
      { error: (iss) => (iss.input === undefined ? "answer is required" : "answer must be text, an option index, true/false, a list of items, or term → definition pairs") },
    ),
    // An hour caps a question left open, as for reviews.
    durationMs: z.number().int().min(0).max(3_600_000),
  })
  .strict();

/** Quiz ids are base64url; anything else cannot name a quiz. */
export const quizIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
