// The JSON API's one boundary. Every route handler is `route(spec, handler)`:
// the spec's zod schemas parse the path params, the query and the body
// (size-limited); the handler calls one service and returns a Response or
// the service's failure outcome, which OUTCOME_STATUS maps to a status. Any
// exception becomes JSON too (errorResponse): never an empty body.
import { z } from "zod";
import limits from "./body-limits.json";

export const MAX_BODY_BYTES = limits.api;
/** The JSON body of a file upload (base64), on UPLOAD_PATHS only (lib/api/upload.ts). */
export const MAX_UPLOAD_BODY_BYTES = limits.upload;
export const UPLOAD_PATHS: readonly string[] = limits.uploadPaths;

import type { Failure, FailureKind } from "../services/outcomes";

export type { Failure };

/** The one outcome-to-status table. */
export const OUTCOME_STATUS: Record<FailureKind, number> = { invalid: 400, "not-found": 404, conflict: 409, "too-large": 413 };

export function jsonError(status: number, error: string, details?: unknown, headers?: HeadersInit): Response {
  return Response.json({ error, details: details ?? null }, { status, headers });
}

export const failure = (f: Failure): Response => jsonError(OUTCOME_STATUS[f.kind], f.error, f.details);

export function zodError(err: z.ZodError): Response {
  return jsonError(400, "invalid request", z.flattenError(err));
}

/** SQLite failures at run time that the learner can act on, and what to do about each. */
const DATABASE_TROUBLE: [RegExp, string][] = [
  [/SQLITE_FULL|database or disk is full/i, "the disk holding the database is full: free some space and try again"],
  [/SQLITE_BUSY|database is locked/i, "the database is busy (another program holds it): close it, or try again in a moment"],
  [
    /SQLITE_CORRUPT|SQLITE_NOTADB|malformed|file is not a database/i,
    "the database file is damaged or not a database: restore it from a backup, or move it away and restart",
  ],
  [/SQLITE_READONLY|readonly database|read-only/i, "the database file cannot be written: check its permissions and that the disk is not read-only"],
  [/SQLITE_IOERR|SQLITE_CANTOPEN|disk I\/O error|unable to open database/i, "the database file cannot be read or written: check the disk and the file's path"],
];

function describeError(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    const cause = e.cause instanceof Error ? ` ${describeError(e.cause)}` : "";
    return `${typeof code === "string" ? `${code} ` : ""}${e.message}${cause}`;
  }
  return String(e);
}

/** An unexpected exception as JSON: 503 with what to do for a database failure, else 500; always a server log line. */
export function errorResponse(e: unknown, where: string): Response {
  const text = describeError(e);
  const trouble = DATABASE_TROUBLE.find(([re]) => re.test(text));
  console.error(`cardinal: ${where}: ${text.split("\n")[0]}`);
  if (trouble) return jsonError(503, `database unavailable: ${trouble[1]}`);
  return jsonError(500, "internal error: the server logged the details");
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Reads a JSON body of at most MAX_BODY_BYTES and validates it. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<Parsed<z.infer<S>>> {
  const text = await readLimited(req, MAX_BODY_BYTES);
  if (text === null) {
    return { ok: false, response: jsonError(413, `request body too large (limit ${MAX_BODY_BYTES} bytes)`) };
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

/**
 * The body as text, or null once it passes `limit` bytes: a declared
 * Content-Length over the limit is refused before reading, and a streamed body
 * is counted as it arrives and dropped at the limit, so it never sits in memory.
 */
export async function readLimited(req: Request, limit: number): Promise<string | null> {
  if (Number(req.headers.get("content-length") ?? "0") > limit) return null;
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function parseQuery<S extends z.ZodType>(url: string, schema: S): Parsed<z.infer<S>> {
  const params = Object.fromEntries(new URL(url).searchParams);
  const r = schema.safeParse(params);
  return r.success ? { ok: true, data: r.data } : { ok: false, response: zodError(r.error) };
}

type Spec<P, Q, B> = { params?: z.ZodType<P>; query?: z.ZodType<Q>; body?: z.ZodType<B> };
type Input<P, Q, B> = { params: P; query: Q; body: B; req: Request };
type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * One route handler: parses what the spec names (a malformed path param is a
 * 400 like any invalid input), runs `handler`, maps a Failure to its status
 * and any exception to JSON.
 */
export function route<P = undefined, Q = undefined, B = undefined>(
  spec: Spec<P, Q, B>,
  handler: (input: Input<P, Q, B>) => Response | Failure | Promise<Response | Failure>,
): (req?: Request, ctx?: RouteContext) => Promise<Response> {
  // `req` is optional so that tests can call a GET without building one.
  return async (req = new Request("http://localhost/"), ctx) => {
    try {
      let params = undefined as P;
      if (spec.params) {
        const r = spec.params.safeParse(ctx ? await ctx.params : {});
        if (!r.success) return zodError(r.error);
        params = r.data;
      }
      let query = undefined as Q;
      if (spec.query) {
        const r = parseQuery(req.url, spec.query);
        if (!r.ok) return r.response;
        query = r.data;
      }
      let body = undefined as B;
      if (spec.body) {
        const r = await parseBody(req, spec.body);
        if (!r.ok) return r.response;
        body = r.data;
      }
      const out = await handler({ params, query, body, req });
      return out instanceof Response ? out : failure(out);
    } catch (e) {
      return errorResponse(e, `${req.method} ${new URL(req.url).pathname}`);
    }
  };
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/** JSON 405 handlers for every method a route does not serve, with `Allow`. */
export function otherMethods(...allowed: Method[]): Record<Method, () => Response> {
  const allow = allowed.join(", ");
  const reply = () => jsonError(405, `method not allowed; this path accepts ${allow}`, null, { allow });
  return { GET: reply, POST: reply, PUT: reply, PATCH: reply, DELETE: reply };
}
