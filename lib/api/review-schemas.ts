import { z } from "zod";
import { decimalInt, deckKey, durationMs } from "./schemas";
import { RATING_LABELS, RATING_VALUES } from "../srs/ratings";

export const queueQuery = z.object({
  deck: deckKey.optional(),
  limit: decimalInt.pipe(z.number().int().min(1).max(100)).default(20),
});

export const reviewBody = z
  .object({
    cardId: z.number().int().positive(),
    rating: z.literal(RATING_VALUES, { error: `rating must be ${RATING_VALUES.map((r) => `${r} (${RATING_LABELS[r]})`).join(", ").replace(/, ([^,]*)$/, " or $1")}` }),
    durationMs,
    reviewId: z.string().trim().min(8).max(100),
    reps: z.number().int().min(0).optional(),
    /** "I was right": the learner counts a Close typed answer right; logged on the review. */
    override: z.boolean().optional(),
  })
  .strict();

/** Bodies that carry nothing must carry nothing: `{}` or empty. */
export const emptyBody = z.object({}).strict();

export const suspendBody = z.object({ suspended: z.boolean().default(true) }).strict();

export const undoBody = z.object({ deck: deckKey.optional() }).strict();
export const statsQuery = z.object({ deck: deckKey.optional() }).strict();
