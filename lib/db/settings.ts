// The scheduling settings: one row (id 1), created with defaults on first read.
import { z } from "zod";
import { checkSteps, isValidTimeZone, DEFAULT_SETTINGS, type Settings } from "../srs";
import { stmt } from "./sqlite";

export const settingsSchema = z.object({
  desiredRetention: z.coerce.number().min(0.7, "at least 0.70").max(0.99, "at most 0.99"),
  newPerDay: z.coerce.number().int("a whole number").min(0).max(9999),
  reviewsPerDay: z.coerce.number().int("a whole number").min(0).max(99999),
  learningSteps: z.string().trim().refine((s) => checkSteps(s) === null, { message: "steps like “1m 10m” (whole numbers with m, h or d)" }),
  relearningSteps: z.string().trim().refine((s) => checkSteps(s) === null, { message: "steps like “10m” (whole numbers with m, h or d)" }),
  maximumInterval: z.coerce.number().int("a whole number of days").min(1).max(36500),
  enableFuzz: z.coerce.boolean(),
  dayStartHour: z.coerce.number().int().min(0, "0–23").max(23, "0–23"),
  timezone: z.string().trim().refine(isValidTimeZone, { message: "an IANA time zone such as Europe/Berlin" }),
  weights: z.array(z.number().finite()).refine((w) => [17, 19, 21].includes(w.length), { message: "17, 19 or 21 numbers" }).nullable(),
});

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

export function saveSettings(s: Settings, now: Date): Settings {
  getSettings();
  stmt(
    `UPDATE Settings SET desiredRetention = ?, newPerDay = ?, reviewsPerDay = ?, learningSteps = ?, relearningSteps = ?,
       maximumInterval = ?, enableFuzz = ?, dayStartHour = ?, timezone = ?, weights = ?, updatedAt = ? WHERE id = 1`,
  ).run(s.desiredRetention, s.newPerDay, s.reviewsPerDay, s.learningSteps, s.relearningSteps, s.maximumInterval, s.enableFuzz ? 1 : 0, s.dayStartHour, s.timezone, s.weights ? JSON.stringify(s.weights) : null, now.getTime());
  return getSettings();
}

export { DEFAULT_SETTINGS };
