// JSON shapes of the FSRS optimisation API (/api/v1/fsrs/...).
import { z } from "zod";
import type { OptimisationJob } from "../services/fsrs-optimise";
import type { ParameterSetRow } from "../db/parameter-sets";

export const jobIdParams = z.object({ id: z.uuid() });

export type OptimisationJobDto = Omit<OptimisationJob, "startedAt" | "finishedAt"> & { startedAt: string; finishedAt: string | null };

export function jobDto(job: OptimisationJob): OptimisationJobDto {
  return { ...job, startedAt: job.startedAt.toISOString(), finishedAt: job.finishedAt?.toISOString() ?? null };
}

export type ParameterSetDto = Omit<ParameterSetRow, "appliedAt"> & { appliedAt: string };

export function parameterSetDto(s: ParameterSetRow): ParameterSetDto {
  return { ...s, appliedAt: s.appliedAt.toISOString() };
}
