// The scheduling settings: one row (id 1), created with defaults on first read.
// Every write goes through `settingsSchema` (updateSettings / patchSettings),
// so the row never holds a value the scheduler would refuse. The scheduler
// reads the settings on every answer: a saved change applies to the next answer.
//
// CACHE. getSettings keeps the row it last read, per connection, and reuses
// it while SQLite's `PRAGMA data_version` is unchanged: that number moves
// whenever ANOTHER connection (Prisma's, another process, a test's own
// better-sqlite3 handle) commits to the file, and costs ~0.2 µs inside a
// transaction against ~4 µs for reading the row and rebuilding the object.
// Writes on this process's own connection do not move it, so saveSettings
// (the only code that writes the row through it) drops the cache itself.
// Writing Settings with raw SQL on `sqlite()` must call invalidateSettingsCache().
import type Database from "better-sqlite3";
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

/**
 * The cache lives on globalThis, like the connection it belongs to: Next.js
 * may load this module more than once (route handlers and server actions are
 * bundled apart) while they share one connection, and a write on that same
 * connection does not move data_version — a module-level cache in one copy
 * would miss the other copy's writes.
 *
 * `uncommitted` is set when saveSettings wrote inside a transaction that may
 * still roll back: until a read outside any transaction, reads are not cached
 * (a cached uncommitted row would outlive a rollback, and a rollback on our
 * own connection does not move data_version).
 */
type SettingsCache = {
  cache: { db: Database.Database; version: number; settings: Settings } | null;
  uncommitted: Database.Database | null;
};
const shared = ((globalThis as unknown as { __cardinalSettings?: SettingsCache }).__cardinalSettings ??= { cache: null, uncommitted: null });

/** Forgets the cached settings: the next getSettings reads the row. */
export function invalidateSettingsCache(): void {
  shared.cache = null;
}

function dataVersion(): number {
  return stmt(`PRAGMA data_version`).pluck().get() as number;
}

/** A copy, so that a caller that changes what it got cannot change the cache. */
const copy = (s: Settings): Settings => ({ ...s, weights: s.weights === null ? null : [...s.weights] });

export function getSettings(): Settings {
  const db = sqlite();
  if (shared.uncommitted === db) {
    if (db.inTransaction) return readSettings();
    shared.uncommitted = null;
    shared.cache = null;
  }
  const version = dataVersion();
  const { cache } = shared;
  if (cache !== null && cache.db === db && cache.version === version) return copy(cache.settings);
  const settings = readSettings();
  shared.cache = { db, version, settings };
  return copy(settings);
}

function readSettings(): Settings {
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
  invalidateSettingsCache();
  stmt(
    `UPDATE Settings SET desiredRetention = ?, newPerDay = ?, reviewsPerDay = ?, learningSteps = ?, relearningSteps = ?,
       maximumInterval = ?, enableFuzz = ?, dayStartHour = ?, timezone = ?, weights = ?, updatedAt = ? WHERE id = 1`,
  ).run(s.desiredRetention, s.newPerDay, s.reviewsPerDay, s.learningSteps, s.relearningSteps, s.maximumInterval, s.enableFuzz ? 1 : 0, s.dayStartHour, s.timezone, s.weights ? JSON.stringify(s.weights) : null, now.getTime());
  invalidateSettingsCache();
  if (sqlite().inTransaction) shared.uncommitted = sqlite();
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
  const db = sqlite();
  const settings = db.transaction(() => saveSettings({ ...getSettings(), ...patch }, now)).immediate();
  if (!db.inTransaction && shared.uncommitted === db) shared.uncommitted = null; // committed
  return { ok: true, settings };
}

export { DEFAULT_SETTINGS };
