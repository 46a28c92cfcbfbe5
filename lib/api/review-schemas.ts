import { z } from "zod";
import { deckKey, durationMs } from "./schemas";

export const queueQuery = z.object({
  deck: deckKey.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const reviewBody = z
  .object({
    cardId: z.number().int().positive(),
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)" }),
    durationMs,
    reviewId: z.string().trim().min(8).max(100),
    reps: z.number().int().min(0).optional(),
  })
  .strict();

export const suspendBody = z.object({ suspended: z.boolean().default(true) }).strict();

export const undoBody = z.object({ deck: deckKey.optional() }).strict();
export const statsQuery = z.object({ deck: deckKey.optional() }).strict();
