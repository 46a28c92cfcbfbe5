// The scheduling settings: one row (id 1), created with defaults on first read.
// Every write goes through `settingsSchema` (updateSettings / patchSettings),
// so the row never holds a value the scheduler would refuse. The scheduler
// reads the row on every answer: a saved change applies to the next answer.
import { z } from "zod";
import { parseSteps, checkSteps, isValidTimeZone, DEFAULT_SETTINGS, type Settings } from "../srs";
import { sqlite, stmt } from "./sqlite";

/** A number field: "required" when missing, "a number" for any other type. */
const num = () => z.number({ error: (iss) => (iss.input === undefined ? "required" : "must be a number") });
const int = (min: number, max: number, unit = "") =>
  num()
    .int(`must be a whole number${unit}`)
    .min(min, `must be between ${min} and ${max}${unit}`)
    .max(max, `must be between ${min} and ${max}${unit}`);

/** "1m 10m" / "1m, 10m" / "1M 10m" → "1m 10m"; anything ts-fsrs would misread → the step's error. */
const steps = () =>
  z
    .string({ error: (iss) => (iss.input === undefined ? "required" : "must be text such as “1m 10m”") })
    .trim()
    .max(200, "must be at most 200 characters")
    .superRefine((s, ctx) => {
      const problem = checkSteps(s);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((s) => parseSteps(s).join(" "));

/** The zone's canonical spelling ("europe/berlin" → "Europe/Berlin"). */
function canonicalZone(tz: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone;
}

export const settingsSchema = z
  .object({
    desiredRetention: num().min(0.7, "must be between 0.70 and 0.99").max(0.99, "must be between 0.70 and 0.99"),
    newPerDay: int(0, 9999),
    reviewsPerDay: int(0, 99999),
    learningSteps: steps(),
    relearningSteps: steps(),
    maximumInterval: int(1, 36500, " days"),
    enableFuzz: z.boolean({ error: "must be true or false" }),
    dayStartHour: int(0, 23),
    timezone: z
      .string({ error: (iss) => (iss.input === undefined ? "required" : "must be a time zone name") })
      .trim()
      .max(100, "must be an IANA time zone such as Europe/Berlin")
      .refine(isValidTimeZone, { message: "not a time zone: use an IANA name such as Europe/Berlin" })
      .transform(canonicalZone),
    weights: z
      .array(z.number({ error: (iss) => `${JSON.stringify(iss.input) ?? "a value"} is not a number` }), {
        error: "must be a list of numbers, or null for the defaults",
      })
      .superRefine((w, ctx) => {
        if (![17, 19, 21].includes(w.length)) {
          ctx.addIssue({ code: "custom", message: `must be 17, 19 or 21 numbers (got ${w.length})` });
        }
      })
      .nullable(),
  })
  .strict();

/** What clients send (before trimming and normalising). */
export type SettingsInput = z.input<typeof settingsSchema>;
// The schema's output is exactly what the scheduler reads.
const _outputIsSettings: (s: z.output<typeof settingsSchema>) => Settings = (s) => s;
void _outputIsSettings;

/** Field names of Settings, in form order. */
export const SETTINGS_FIELDS = Object.keys(settingsSchema.shape) as (keyof Settings)[];

export type FieldErrors = Partial<Record<keyof Settings, string[]>>;
export type SaveResult =
  | { ok: true; settings: Settings }
  | { ok: false; error: z.ZodError; fieldErrors: FieldErrors; formErrors: string[] };

type Row = Omit<Settings, "enableFuzz" | "weights"> & { enableFuzz: number; weights: string | null };

/** The learner's zone by default: the server runs on their machine. */
function localZone(): string {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return tz && isValidTimeZone(tz) ? tz : "UTC";
}

export function getSettings(): Settings {
  let row = stmt(`SELECT * FROM Settings WHERE id = 1`).get() as Row | undefined;
  if (!row) {
    stmt(`INSERT OR IGNORE INTO Settings (id, timezone, updatedAt) VALUES (1, ?, ?)`).run(localZone(), Date.now());
    row = stmt(`SELECT * FROM Settings WHERE id = 1`).get() as Row;
  }
  return {
    desiredRetention: row.desiredRetention,
    newPerDay: row.newPerDay,
    reviewsPerDay: row.reviewsPerDay,
    learningSteps: row.learningSteps,
    relearningSteps: row.relearningSteps,
    maximumInterval: row.maximumInterval,
    enableFuzz: row.enableFuzz === 1,
    dayStartHour: row.dayStartHour,
    timezone: row.timezone,
    weights: row.weights ? (JSON.parse(row.weights) as number[]) : null,
  };
}

/** Writes already-validated settings. Prefer updateSettings / patchSettings, which validate. */
export function saveSettings(s: Settings, now: Date): Settings {
  getSettings();
  stmt(
    `UPDATE Settings SET desiredRetention = ?, newPerDay = ?, reviewsPerDay = ?, learningSteps = ?, relearningSteps = ?,
       maximumInterval = ?, enableFuzz = ?, dayStartHour = ?, timezone = ?, weights = ?, updatedAt = ? WHERE id = 1`,
  ).run(s.desiredRetention, s.newPerDay, s.reviewsPerDay, s.learningSteps, s.relearningSteps, s.maximumInterval, s.enableFuzz ? 1 : 0, s.dayStartHour, s.timezone, s.weights ? JSON.stringify(s.weights) : null, now.getTime());
  return getSettings();
}

function failure(error: z.ZodError): SaveResult {
  const flat = z.flattenError(error);
  const fieldErrors: FieldErrors = {};
  for (const [k, msgs] of Object.entries(flat.fieldErrors) as [keyof Settings, string[] | undefined][]) {
    if (msgs?.length) fieldErrors[k] = [...new Set(msgs)];
  }
  return { ok: false, error, fieldErrors, formErrors: flat.formErrors };
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
  const settings = sqlite().transaction(() => saveSettings({ ...getSettings(), ...patch }, now)).immediate();
  return { ok: true, settings };
}

export { DEFAULT_SETTINGS };
