// The one way the browser calls the JSON API (review, quiz). Every failure
// comes back as `{ ok: false, status, error }` with a sentence to show;
// nothing here throws. `status` is 0 when the server could not be reached.
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: string };

export async function callApi<T>(url: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const res = await fetch(url, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
    const json = (await res.json().catch(() => null)) as unknown;
    if (!res.ok || json === null) {
      const err = json && typeof json === "object" && "error" in json && typeof json.error === "string" ? json.error : res.statusText || "no answer";
      return { ok: false, status: res.status, error: `${err} (HTTP ${res.status})` };
    }
    return { ok: true, status: res.status, data: json as T };
  } catch (e) {
    return { ok: false, status: 0, error: `could not reach the server (is Cardinal still running?): ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** DELETE `url` (with the JSON content type every API write needs), as callApi reports it. */
export async function deleteApi<T>(url: string): Promise<ApiResult<T>> {
  try {
    const res = await fetch(url, { method: "DELETE", headers: { "content-type": "application/json" }, cache: "no-store" });
    const json = (await res.json().catch(() => null)) as { error?: unknown } | null;
    if (!res.ok || json === null)
      return { ok: false, status: res.status, error: `${typeof json?.error === "string" ? json.error : res.statusText} (HTTP ${res.status})` };
    return { ok: true, status: res.status, data: json as T };
  } catch (e) {
    return { ok: false, status: 0, error: `could not reach the server (is Cardinal still running?): ${e instanceof Error ? e.message : String(e)}` };
  }
}
