// Use cases of the scheduling settings: read them, replace them (PUT), change
// some fields (PATCH). Validation is lib/srs's settingsSchema; nothing is
// written when any field is invalid. A saved change applies to the next answer.
import { z } from "zod";
import { settingsSchema, type FieldErrors } from "../srs/settings-schema";
import type { Settings } from "../srs";
import { readSettings, writeSettings } from "../db/settings";
import { inWriteTransaction } from "../db/sqlite";

export type SaveResult = { ok: true; settings: Settings } | { ok: false; kind: "invalid"; error: z.ZodError; fieldErrors: FieldErrors; formErrors: string[] };

export function getSettings(): Settings {
  return readSettings();
}

/** Writes already-validated settings and returns them as stored. Prefer updateSettings / patchSettings, which validate. */
export function saveSettings(s: Settings, now: Date): Settings {
  writeSettings(s, now);
  return readSettings();
}

function failure(error: z.ZodError): SaveResult {
  const flat = z.flattenError(error);
  const fieldErrors: FieldErrors = {};
  for (const [k, msgs] of Object.entries(flat.fieldErrors) as [keyof Settings, string[] | undefined][]) {
    if (msgs?.length) fieldErrors[k] = [...new Set(msgs)];
  }
  return { ok: false, kind: "invalid", error, fieldErrors, formErrors: flat.formErrors };
}

/** Validates a complete settings object and saves it; nothing is written when any field is invalid. */
export function updateSettings(input: unknown, now: Date): SaveResult {
  const r = settingsSchema.safeParse(input);
  return r.success ? { ok: true, settings: saveSettings(r.data, now) } : failure(r.error);
}

/** Validates the given fields and saves them over the current settings (one transaction). */
export function patchSettings(input: unknown, now: Date): SaveResult {
  const r = settingsSchema.partial().safeParse(input);
  if (!r.success) return failure(r.error);
  const patch = Object.fromEntries(Object.entries(r.data).filter(([, v]) => v !== undefined)) as Partial<Settings>;
  const settings = inWriteTransaction(() => saveSettings({ ...readSettings(), ...patch }, now));
  return { ok: true, settings };
}
