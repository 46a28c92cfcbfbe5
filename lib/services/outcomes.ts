// What a use case returns when it cannot go ahead: a kind (lib/api maps each
// kind to an HTTP status in one table) and a sentence for the API's `error`.
// Services never pick statuses.
export type FailureKind = "invalid" | "not-found" | "conflict" | "too-large";
export type Failure = { ok: false; kind: FailureKind; error: string; details?: unknown };

export const notFound = (error: string): Failure => ({ ok: false, kind: "not-found", error });
export const conflict = (error: string): Failure => ({ ok: false, kind: "conflict", error });
/** Over a size cap the use case states (a file to upload). */
export const tooLarge = (error: string): Failure => ({ ok: false, kind: "too-large", error });
export const invalid = (error: string, details?: unknown): Failure => ({ ok: false, kind: "invalid", error, details });

/** The one message for an unknown deck key. */
export const deckNotFound = (key: string): Failure => notFound(`deck ${JSON.stringify(key)} not found`);
