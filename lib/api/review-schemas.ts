import { z } from "zod";
import { decimalInt, deckKey, durationMs } from "./schemas";
import { RATING_LABELS, RATING_VALUES } from "../srs/ratings";

export const queueQuery = z.object({
  deck: deckKey.optional(),
  limit: decimalInt.pipe(z.number().int().min(1).max(100)).default(20),
});

/** The study session whose undo stack an action goes on (the page keeps it in sessionStorage). */
export const sessionId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "sessionId must be 8–64 letters, digits, - or _" });
/** Clients that send no session share this one. */
export const API_SESSION = "api-default";
export const session = sessionId.default(API_SESSION);

// Study actions name their deck (optional): the reply carries that deck's next cards and counts.
export const reviewBody = z
  .object({
    cardId: z.number().int().positive(),
    rating: z.literal(RATING_VALUES, {
      error: `rating must be ${RATING_VALUES.map((r) => `${r} (${RATING_LABELS[r]})`)
        .join(", ")
        .replace(/, ([^,]*)$/, " or $1")}`,
    }),
    durationMs,
    reviewId: z.string().trim().min(8).max(100),
    reps: z.number().int().min(0).optional(),
    /** "I was right": the learner counts a Close typed answer right; logged on the review. */
    override: z.boolean().optional(),
    sessionId: session,
    deck: deckKey.optional(),
  })
  .strict();

/** Bodies that carry nothing must carry nothing: `{}` or empty. */
export const emptyBody = z.object({}).strict();

export const suspendBody = z.object({ suspended: z.boolean().default(true), sessionId: session, deck: deckKey.optional() }).strict();
export const buryBody = z.object({ buried: z.boolean().default(true), sessionId: session, deck: deckKey.optional() }).strict();

/** `actionId`: the action the page showed ("Undo Good on …"); only that one is undone. */
export const undoBody = z.object({ sessionId: session, actionId: z.number().int().positive().optional(), deck: deckKey.optional() }).strict();
export const sessionQuery = z.object({ sessionId: session }).strict();
export const statsQuery = z.object({ deck: deckKey.optional() }).strict();
