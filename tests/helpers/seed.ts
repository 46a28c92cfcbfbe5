// Shared set-up for the review/queue integration tests: loads the real deck
// once per test file (syncing 128 cards through Prisma takes seconds), then
// resets every card to "new, due at `now`" with raw SQL between tests.
import { syncDeck } from "@/lib/db/sync";
import { buildDeck } from "@/lib/generate/build-deck";
import { sqlite } from "@/lib/db/sqlite";
import { saveSettings } from "@/lib/services/settings";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/srs";

export const DECK_DIR = "content/claude-character";
export const DECK_KEY = "claude-character";
export const DAY_MS = 86_400_000;
export const MIN_MS = 60_000;

const q = (sql: string) => sqlite().prepare(sql);

/** Loads the deck if this file's database does not have it yet; returns its id. */
export async function seedDeck(now: Date): Promise<number> {
  const have = q(`SELECT id FROM Deck WHERE key = ?`).get(DECK_KEY) as { id: number } | undefined;
  if (have) return have.id;
  await syncDeck(buildDeck(DECK_DIR), now);
  return (q(`SELECT id FROM Deck WHERE key = ?`).get(DECK_KEY) as { id: number }).id;
}

/** Every card back to a fresh new card due at `due`; all review logs and undo stacks gone. */
export function resetCards(due: Date): void {
  const db = sqlite();
  db.transaction(() => {
    db.prepare(`DELETE FROM ReviewLog`).run();
    db.prepare(`DELETE FROM StudyAction`).run();
    db.prepare(
      `UPDATE Card SET due = ?, stability = 0, difficulty = 0, elapsed_days = 0, scheduled_days = 0, learning_steps = 0,
         reps = 0, lapses = 0, state = 0, last_review = NULL, suspended = 0, buriedUntil = NULL, leech = 0, retired = 0`,
    ).run(due.getTime());
  })();
}

/** Saves the defaults (UTC, day starts at 04:00) with `over` applied. */
export function useSettings(over: Partial<Settings> = {}, now = new Date()): Settings {
  return saveSettings({ ...DEFAULT_SETTINGS, timezone: "UTC", ...over }, now);
}

export type Row = Record<string, unknown>;

/** The full Card row (SELECT *). */
export function cardRow(id: number): Row {
  const r = q(`SELECT * FROM Card WHERE id = ?`).get(id) as Row | undefined;
  if (!r) throw new Error(`no card ${id}`);
  return r;
}

/** Every Card row (SELECT *), by id. */
export function allCards(): Row[] {
  return q(`SELECT * FROM Card ORDER BY id`).all() as Row[];
}

export function withoutUpdatedAt(r: Row): Row {
  const { updatedAt: _u, ...rest } = r;
  return rest;
}

export function logCount(): number {
  return (q(`SELECT count(*) AS n FROM ReviewLog`).get() as { n: number }).n;
}

export function logsOf(cardId: number): Row[] {
  return q(`SELECT * FROM ReviewLog WHERE cardId = ? ORDER BY id`).all(cardId) as Row[];
}

/** Ids of cards whose note has exactly `n` live cards, grouped by note, in position order. */
export function notesWithCards(n: number): { noteId: number; cardIds: number[] }[] {
  const rows = q(`SELECT noteId, id FROM Card WHERE noteId IN (SELECT noteId FROM Card GROUP BY noteId HAVING count(*) = ?) ORDER BY position, id`).all(n) as {
    noteId: number;
    id: number;
  }[];
  const by = new Map<number, number[]>();
  for (const r of rows) by.set(r.noteId, [...(by.get(r.noteId) ?? []), r.id]);
  return [...by.entries()].map(([noteId, cardIds]) => ({ noteId, cardIds }));
}

/** Cards that are the only card of their note, in position order. */
export function singletonCards(): number[] {
  return notesWithCards(1).map((n) => n.cardIds[0]!);
}

type CardFields = {
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  last_review: Date | null;
  suspended: boolean;
  buriedUntil: Date | null;
  leech: boolean;
  retired: boolean;
};

/** Writes the given columns of a card directly. */
export function setCard(id: number, f: Partial<CardFields>): void {
  const entries = Object.entries(f).map(([k, v]) => [k, v instanceof Date ? v.getTime() : typeof v === "boolean" ? (v ? 1 : 0) : v] as const);
  if (entries.length === 0) return;
  const r = q(`UPDATE Card SET ${entries.map(([k]) => `${k} = ?`).join(", ")} WHERE id = ?`).run(...entries.map(([, v]) => v), id);
  if (r.changes !== 1) throw new Error(`no card ${id}`);
}

/** Makes a card a review card due at `due`, last reviewed `intervalDays` before it. */
export function makeReview(id: number, due: Date, extra: Partial<CardFields> = {}): void {
  const intervalDays = extra.scheduled_days ?? 10;
  setCard(id, {
    state: 2,
    due,
    stability: intervalDays,
    difficulty: 5,
    elapsed_days: intervalDays,
    scheduled_days: intervalDays,
    learning_steps: 0,
    reps: 4,
    lapses: 0,
    last_review: new Date(due.getTime() - intervalDays * DAY_MS),
    ...extra,
  });
}

/** Makes a card a learning card (first step) due at `due`. */
export function makeLearning(id: number, due: Date, lastReview: Date): void {
  setCard(id, { state: 1, due, stability: 2.3, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 1, reps: 1, last_review: lastReview });
}

/** A new `Request` for a route handler. */
export function jsonRequest(path: string, body?: unknown, init: RequestInit = {}): Request {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    ...init,
  });
}

/** The second argument Next.js passes to a dynamic route handler. */
export const idCtx = (id: string) => ({ params: Promise.resolve({ id }) });
