// The undo stack's repository: StudyAction rows and the row changes they
// record (docs/decisions/0020-study-action-undo-stack.md). SQL and row
// mapping only; lib/services/study-actions.ts decides what is undoable.
//
// An action stores, for every row it changed, the columns that changed —
// before and after, found by comparing SELECT * around the write — so any
// column, including ones other branches add (a flag), is restored without
// this file knowing about it, and a card's large payload is never copied.
// Undo restores the "before" values only if every row still holds its
// "after" values: every write sets updatedAt, so a later write (a quiz
// answer, an edit) makes the action stale instead of being erased.
import { stmt } from "./sqlite";

/** A row as SELECT * returns it (dates as epoch ms, booleans 0/1). */
export type Row = Record<string, string | number | null>;

export type RowChange =
  /** An UPDATE: undo writes `before` back (the changed columns only). */
  | { op: "update"; table: UndoableTable; id: number; before: Row; after: Row }
  /** An INSERT: undo deletes the row (it must still exist and hold `after`, a few identifying columns). */
  | { op: "insert"; table: UndoableTable; id: number; after: Row };

/** Tables an action may change; add a table here to make its rows undoable. */
export const UNDOABLE_TABLES = ["Card", "ReviewLog"] as const;
export type UndoableTable = (typeof UNDOABLE_TABLES)[number];

export type ActionRow = {
  id: number;
  sessionId: string;
  kind: string;
  label: string;
  cardId: number | null;
  changes: RowChange[];
  createdAt: number;
  undoneAt: number | null;
};

type RawAction = Omit<ActionRow, "changes"> & { changes: string };

const toAction = (r: RawAction): ActionRow => ({ ...r, changes: JSON.parse(r.changes) as RowChange[] });

/** Column names of a table, to build statements from stored rows safely. */
function columnsOf(table: UndoableTable): Set<string> {
  if (!UNDOABLE_TABLES.includes(table)) throw new Error(`table ${table} is not undoable`);
  const cols = stmt(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[];
  return new Set(cols.map((c) => c.name));
}

export function readRows(table: UndoableTable, ids: readonly number[]): Row[] {
  columnsOf(table);
  if (ids.length === 0) return [];
  return stmt(`SELECT * FROM "${table}" WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(JSON.stringify(ids)) as Row[];
}

/** `row` holds every value of `subset`. */
function holds(row: Row | undefined, subset: Row): boolean {
  if (!row) return false;
  for (const k of Object.keys(subset)) if (row[k] !== subset[k]) return false;
  return true;
}

/** The columns whose values differ between two versions of a row, as [before, after]. */
function diff(before: Row, after: Row): [Row, Row] {
  const b: Row = {};
  const a: Row = {};
  for (const k of Object.keys(after)) {
    if (k === "id" || before[k] === after[k]) continue;
    b[k] = before[k] ?? null;
    a[k] = after[k] ?? null;
  }
  return [b, a];
}

/**
 * Runs `write` and returns an "update" change for each row of `ids` that it
 * changed. Call it inside the action's transaction.
 */
export function captureUpdates(table: UndoableTable, ids: readonly number[], write: () => void): RowChange[] {
  const before = new Map(readRows(table, ids).map((r) => [r.id as number, r]));
  write();
  return readRows(table, ids).flatMap((row): RowChange[] => {
    const old = before.get(row.id as number);
    if (!old) return [];
    const [b, a] = diff(old, row);
    return Object.keys(a).length > 0 ? [{ op: "update", table, id: row.id as number, before: b, after: a }] : [];
  });
}

/** An inserted row, identified by `columns` (besides its id) so that undo deletes that row and no other. */
export function insertedRow(table: UndoableTable, id: number, columns: readonly string[] = []): RowChange {
  const [row] = readRows(table, [id]);
  if (!row) throw new Error(`${table} ${id} does not exist`);
  return { op: "insert", table, id, after: Object.fromEntries(columns.map((c) => [c, row[c] ?? null])) };
}

/** Actions are kept this long; a study session does not outlive it. */
const KEEP_MS = 30 * 86_400_000;

export function recordAction(a: { sessionId: string; kind: string; label: string; cardId: number | null; changes: RowChange[] }, now: Date): ActionRow {
  const createdAt = now.getTime();
  const id = Number(
    stmt(`INSERT INTO StudyAction (sessionId, kind, label, cardId, changes, createdAt) VALUES (?, ?, ?, ?, ?, ?)`).run(
      a.sessionId,
      a.kind,
      a.label,
      a.cardId,
      JSON.stringify(a.changes),
      createdAt,
    ).lastInsertRowid,
  );
  // Now and then, forget actions no session will undo any more (a full scan, so rarely).
  if (id % 1000 === 0) stmt(`DELETE FROM StudyAction WHERE createdAt < ?`).run(createdAt - KEEP_MS);
  return { id, ...a, createdAt, undoneAt: null };
}

/** The newest action of the session that is not undone: the one U undoes. */
export function latestOpenAction(sessionId: string): ActionRow | null {
  const r = stmt(`SELECT * FROM StudyAction WHERE sessionId = ? AND undoneAt IS NULL ORDER BY id DESC LIMIT 1`).get(sessionId) as RawAction | undefined;
  return r ? toAction(r) : null;
}

export function findAction(id: number): ActionRow | null {
  const r = stmt(`SELECT * FROM StudyAction WHERE id = ?`).get(id) as RawAction | undefined;
  return r ? toAction(r) : null;
}

/** The first change whose row is no longer as the action left it, or null when all are. */
export function staleChange(changes: readonly RowChange[]): RowChange | null {
  for (const c of changes) {
    const [now] = readRows(c.table, [c.id]);
    if (!holds(now, c.after)) return c;
  }
  return null;
}

/** Puts every changed row back as it was (newest change first). */
export function revertChanges(changes: readonly RowChange[]): void {
  for (const c of [...changes].reverse()) {
    const cols = columnsOf(c.table);
    if (c.op === "insert") {
      stmt(`DELETE FROM "${c.table}" WHERE id = ?`).run(c.id);
      continue;
    }
    const names = Object.keys(c.before).filter((k) => k !== "id" && cols.has(k));
    const sql = `UPDATE "${c.table}" SET ${names.map((n) => `"${n}" = @${n}`).join(", ")} WHERE id = @id`;
    stmt(sql).run({ ...Object.fromEntries(names.map((n) => [n, c.before[n] ?? null])), id: c.id });
  }
}

/** Marks the action undone; false when it already was (a concurrent undo won). */
export function markUndone(id: number, now: Date): boolean {
  return stmt(`UPDATE StudyAction SET undoneAt = ? WHERE id = ? AND undoneAt IS NULL`).run(now.getTime(), id).changes === 1;
}

/** Every action of the session that is not undone, oldest first. */
export function openActions(sessionId: string): ActionRow[] {
  return (stmt(`SELECT * FROM StudyAction WHERE sessionId = ? AND undoneAt IS NULL ORDER BY id`).all(sessionId) as RawAction[]).map(toAction);
}
