// The settings page's calls to the FSRS optimisation API, through the one
// client helper (app/api-client.ts): failures come back as a message to show
// and the server's details; nothing here throws.
import type { OptimisationJobDto, ParameterSetDto } from "@/lib/api/fsrs-dto";
import { callApi as call } from "@/app/api-client";

type JobReply = { job: OptimisationJobDto };
const base = "/api/v1/fsrs/optimisations";

/** `deck`: fit that deck's cards for its preset; null: all history, global parameters. */
export const startFit = (deck: string | null) => call<JobReply>(base, deck ? { deck } : {});
export const readFit = (id: string) => call<JobReply>(`${base}/${id}`);
export const cancelFit = (id: string) => call<JobReply>(`${base}/${id}`, undefined, "DELETE");
export const applyFit = (id: string) => call<JobReply & { parameterSetId: number }>(`${base}/${id}/apply`, {});
export const discardFit = (id: string) => call<JobReply>(`${base}/${id}/discard`, {});
export const readParameterSets = (deck: string | null) =>
  call<{ current: number[] | null; sets: ParameterSetDto[] }>(`/api/v1/fsrs/parameter-sets${deck ? `?deck=${encodeURIComponent(deck)}` : ""}`);
export const restoreSet = (id: number) => call<{ weights: number[] | null; parameterSetId: number }>(`/api/v1/fsrs/parameter-sets/${id}/restore`, {});
