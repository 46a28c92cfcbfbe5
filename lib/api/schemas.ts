// Pieces every request schema shares, defined once.
import { z } from "zod";
import { MAX_DURATION_MS } from "../srs/limits";

/** A deck's key, as in `?deck=` and `{ deck }`. */
export const deckKey = z.string().trim().min(1).max(100);

export const durationMs = z.number().int().min(0).max(MAX_DURATION_MS);

/**
 * A plain decimal integer as text ("42"): no sign, spaces, leading zeros,
 * exponent or hex, which Number() would all accept ("+5", " 5", "1e3", "0x10").
 */
export const decimalInt = z
  .string()
  .regex(/^(0|[1-9]\d{0,14})$/, "must be a plain decimal integer")
  .transform(Number);

/** Positive integer ids in paths (`/cards/{id}`), written in plain decimal. */
export const idParam = decimalInt.pipe(z.number().int().positive());
export const idParams = z.object({ id: idParam });
