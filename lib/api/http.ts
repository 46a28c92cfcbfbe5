// Shared edges of the JSON API: bodies are size-limited and parsed with zod's
// safeParse; every error is `{ error, details }` with a 4xx status.
import { z } from "zod";

export const MAX_BODY_BYTES = 16 * 1024;

export function jsonError(status: number, error: string, details?: unknown): Response {
  return Response.json({ error, details: details ?? null }, { status });
}

export function zodError(err: z.ZodError): Response {
  return jsonError(400, "invalid request", z.flattenError(err));
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Reads a JSON body of at most MAX_BODY_BYTES and validates it. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<Parsed<z.infer<S>>> {
  const text = await req.text();
  if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) {
    return { ok: false, response: jsonError(400, `request body too large (limit ${MAX_BODY_BYTES} bytes)`) };
  }
  let json: unknown;
  try {
    json = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError(400, "request body is not valid JSON") };
  }
  const r = schema.safeParse(json);
  return r.success ? { ok: true, data: r.data } : { ok: false, response: zodError(r.error) };
}

export function parseQuery<S extends z.ZodType>(url: string, schema: S): Parsed<z.infer<S>> {
  const params = Object.fromEntries(new URL(url).searchParams);
  const r = schema.safeParse(params);
  return r.success ? { ok: true, data: r.data } : { ok: false, response: zodError(r.error) };
}

export const idParam = z.coerce.number().int().positive();
