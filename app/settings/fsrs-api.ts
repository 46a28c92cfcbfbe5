// The settings page's calls to the FSRS optimisation API. Failures come back
// as a message to show; nothing here throws.
import type { OptimisationJobDto, ParameterSetDto } from "@/lib/api/fsrs-dto";

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: string; data: unknown };

async function call<T>(url: string, method: "GET" | "POST" | "DELETE" = "GET", body?: unknown): Promise<ApiResult<T>> {
  try {
    // Every write says JSON (proxy.ts refuses API writes that do not), with an empty object when there is nothing to send.
    const res = await fetch(url, {
      method,
      cache: "no-store",
      ...(method === "GET" ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) }),
    });
    const json = (await res.json().catch(() => null)) as { error?: string; details?: unknown } | null;
    if (!res.ok) return { ok: false, status: res.status, error: json?.error ?? res.statusText, data: json?.details ?? null };
    return { ok: true, data: json as T };
  } catch (e) {
    return { ok: false, status: 0, error: `network error: ${(e as Error).message}`, data: null };
  }
}

type JobReply = { job: OptimisationJobDto };
const base = "/api/v1/fsrs/optimisations";

/** `deck`: fit that deck's cards for its preset; null: all history, global parameters. */
export const startFit = (deck: string | null) => call<JobReply>(base, "POST", deck ? { deck } : {});
export const readFit = (id: string) => call<JobReply>(`${base}/${id}`);
export const cancelFit = (id: string) => call<JobReply>(`${base}/${id}`, "DELETE");
export const applyFit = (id: string) => call<JobReply & { parameterSetId: number }>(`${base}/${id}/apply`, "POST");
export const discardFit = (id: string) => call<JobReply>(`${base}/${id}/discard`, "POST");
export const readParameterSets = (deck: string | null) =>
  call<{ current: number[] | null; sets: ParameterSetDto[] }>(`/api/v1/fsrs/parameter-sets${deck ? `?deck=${encodeURIComponent(deck)}` : ""}`);
export const restoreSet = (id: number) => call<{ weights: number[] | null; parameterSetId: number }>(`/api/v1/fsrs/parameter-sets/${id}/restore`, "POST");
