// Request bodies of the quiz API (app/api/v1/quiz), validated at the edge.
import { z } from "zod";
import { MAX_SEED, QUIZ_LENGTHS, TOPIC_FILTERS } from "../quiz";
import { deckKey, durationMs } from "./schemas";
import { session } from "./review-schemas";

const text = z.string().max(2000);

export { QUIZ_LENGTHS };

export const createQuizBody = z
  .object({
    deck: deckKey,
    topic: z.enum(TOPIC_FILTERS, {
      error: `topic must be ${TOPIC_FILTERS.map((t) => `"${t}"`)
        .join(", ")
        .replace(/, ([^,]*)$/, " or $1")}`,
    }),
    length: z.literal(QUIZ_LENGTHS, { error: `length must be ${QUIZ_LENGTHS.join(", ").replace(/, (\d+)$/, " or $1")}` }).optional(),
    seed: z.number().int().min(0).max(MAX_SEED).optional(),
    /** Retry: ask exactly these questions (e.g. the missed ones); `length`, if given, caps them. */
    questionIds: z.array(z.string().min(1).max(300)).min(1).max(20).optional(),
  })
  .strict()
  .refine((b) => b.length !== undefined || b.questionIds !== undefined, {
    message: `length is required (${QUIZ_LENGTHS.join(", ").replace(/, (\d+)$/, " or $1")})`,
    path: ["length"],
  });

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
      {
        error: (iss) =>
          iss.input === undefined ? "answer is required" : "answer must be text, an option index, true/false, a list of items, or term → definition pairs",
      },
    ),
    durationMs,
    /** "I was right": sent again after a Close cloze answer to count it right (logged as an override). */
    override: z.literal(true).optional(),
    /** The study session whose undo stack the answer goes on. */
    sessionId: session,
  })
  .strict();

/** Quiz ids are base64url; anything else cannot name a quiz (400, like a malformed card id). */
export const quizIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "not a quiz id");
export const quizIdParams = z.object({ id: quizIdParam });
