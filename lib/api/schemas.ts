// Pieces every request schema shares, defined once.
import { z } from "zod";
import { MAX_DURATION_MS } from "../srs/limits";

/** A deck's key, as in `?deck=` and `{ deck }`. */
export const deckKey = z.string().trim().min(1).max(100);

export const durationMs = z.number().int().min(0).max(MAX_DURATION_MS);

/** Positive integer ids in paths (`/cards/{id}`) and bodies. */
export const idParam = z.coerce.number().int().positive();
export const idParams = z.object({ id: idParam });
