// The Settings row (id 1) on the one app connection: read it (creating it with
// defaults on first read) and write it. No cache: the row is read on every
// answer (a few µs on the connection the answer already holds), so a saved
// change applies to the next answer whoever wrote it (docs/decisions/0001).
import type Database from "better-sqlite3";
import { DEFAULT_SETTINGS, isValidTimeZone, type Settings } from "../srs";
import { prepared, sqlite } from "./sqlite";

type Row = Omit<Settings, "enableFuzz" | "weights"> & { enableFuzz: number; weights: string | null };

/** The learner's zone by default: the server runs on their machine. */
function localZone(): string {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return tz && isValidTimeZone(tz) ? tz : "UTC";
}

/** The settings; the row is created (the learner's zone, other fields' defaults) on the first read. */
export function readSettings(conn: Database.Database = sqlite()): Settings {
  let row = prepared(conn, `SELECT * FROM Settings WHERE id = 1`).get() as Row | undefined;
  if (!row) {
    prepared(conn, `INSERT OR IGNORE INTO Settings (id, timezone, updatedAt) VALUES (1, ?, ?)`).run(localZone(), Date.now());
    row = prepared(conn, `SELECT * FROM Settings WHERE id = 1`).get() as Row;
  }
  return fromRow(row);
}

/** The settings for a reader that must not write (statistics): DEFAULT_SETTINGS while there is no row. */
export function peekSettings(conn: Database.Database = sqlite()): Settings {
  const row = prepared(conn, `SELECT * FROM Settings WHERE id = 1`).get() as Row | undefined;
  return row ? fromRow(row) : { ...DEFAULT_SETTINGS, weights: DEFAULT_SETTINGS.weights === null ? null : [...DEFAULT_SETTINGS.weights] };
}

function fromRow(row: Row): Settings {
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
    learnAheadMinutes: row.learnAheadMinutes,
    backupsKeep: row.backupsKeep,
  };
}

/** Writes already-validated settings (lib/services/settings validates). */
export function writeSettings(s: Settings, now: Date, conn: Database.Database = sqlite()): void {
  const prev = readSettings(conn); // creates the row when missing
  prepared(
    conn,
    `UPDATE Settings SET desiredRetention = ?, newPerDay = ?, reviewsPerDay = ?, learningSteps = ?, relearningSteps = ?,
       maximumInterval = ?, enableFuzz = ?, dayStartHour = ?, timezone = ?, weights = ?, learnAheadMinutes = ?, backupsKeep = ?, updatedAt = ? WHERE id = 1`,
  ).run(
    s.desiredRetention,
    s.newPerDay,
    s.reviewsPerDay,
    s.learningSteps,
    s.relearningSteps,
    s.maximumInterval,
    s.enableFuzz ? 1 : 0,
    s.dayStartHour,
    s.timezone,
    s.weights ? JSON.stringify(s.weights) : null,
    // Absent (a client that does not know the field) keeps the saved value.
    s.learnAheadMinutes ?? prev.learnAheadMinutes ?? 20,
    s.backupsKeep ?? prev.backupsKeep ?? 10,
    now.getTime(),
  );
}
