// What the scheduler accepts as settings, as a zod schema: every write of the
// Settings row goes through it (lib/services/settings), so the row never holds
// a value the scheduler would refuse. Pure: no database code.
import { z } from "zod";
import { checkSteps, parseSteps } from "./steps";
import { isValidTimeZone } from "./study-day";
import type { Settings } from "./types";

/** A number field: "required" when missing, "a number" for any other type. */
const num = () => z.number({ error: (iss) => (iss.input === undefined ? "required" : "must be a number") });
const int = (min: number, max: number, unit = "") =>
  num().int(`must be a whole number${unit}`).min(min, `must be between ${min} and ${max}${unit}`).max(max, `must be between ${min} and ${max}${unit}`);

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
    learnAheadMinutes: int(0, 1440, " minutes").optional(),
    backupsKeep: int(0, 1000, " backups").optional(),
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
