// The one way the browser calls the JSON API: every client component goes
// through here (tests/unit/architecture/client-fetch.test.ts fails on any
// other `fetch(` under app/). Nothing here throws; every failure comes back as
// `{ ok: false, status, error, details }`:
// - `error`: a sentence to show, the server's own `error` with the HTTP status;
// - `message`: the server's `error` alone (or the status text), for callers that word it themselves;
// - `details`: the body's `details` as the server sent them (zod field errors, the job a 409 names, …), or null;
// - `status`: 0 when the server could not be reached.
export type ApiFailure = { ok: false; status: number; error: string; message: string; details: unknown };
export type ApiResult<T> = { ok: true; status: number; data: T } | ApiFailure;
export type ApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * `method` defaults to GET without a body and POST with one. Writes always
 * send JSON — `{}` when there is nothing to send — since proxy.ts refuses API
 * writes that do not say so (415).
 */
export async function callApi<T>(url: string, body?: unknown, method: ApiMethod = body === undefined ? "GET" : "POST"): Promise<ApiResult<T>> {
  try {
    const write = method !== "GET";
    const res = await fetch(url, {
      method,
      cache: "no-store",
      ...(write ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) } : {}),
    });
    const json = (await res.json().catch(() => null)) as unknown;
    if (!res.ok || json === null) {
      const said = json && typeof json === "object" ? (json as { error?: unknown; details?: unknown }) : null;
      const message = typeof said?.error === "string" ? said.error : res.statusText || "no answer";
      return { ok: false, status: res.status, error: `${message} (HTTP ${res.status})`, message, details: said?.details ?? null };
    }
    return { ok: true, status: res.status, data: json as T };
  } catch (e) {
    const message = `could not reach the server (is Cardinal still running?): ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, status: 0, error: message, message, details: null };
  }
}

/** DELETE `url`: callApi with the method named (it sends `{}` as JSON, as every API write must). */
export const deleteApi = <T>(url: string): Promise<ApiResult<T>> => callApi<T>(url, undefined, "DELETE");
