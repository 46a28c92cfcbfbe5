// The undo stack's repository: StudyAction rows and the row changes they
// record (docs/decisions/0020-study-action-undo-stack.md, 0060). SQL and row
// mapping only; lib/services/study-actions.ts decides what is undoable.
//
// An action stores, for every row it changed, the columns that changed —
// before and after, found by comparing SELECT * around the write — so any
// column, including ones other branches add, is restored without this file
// knowing about it, and a card's large payload is never copied. Rows the
// action inserted are deleted by undo; rows it deleted are inserted back whole.
// Undo restores a row only if it still holds what the action left: every
// write sets updatedAt, so a later write (an edit in another tab) makes the
// action stale instead of being erased.
import { sqlite, stmt } from "./sqlite";

/** A row as SELECT * returns it (dates as epoch ms, booleans 0/1). */
export type Row = Record<string, string | number | null>;
/** Quiz ids are text; every other table's are integers. */
export type RowId = number | string;

type Common = {
  table: UndoableTable;
  id: RowId;
  /** Changes of one group stand or fall together; a partial undo (bulk actions) skips a stale group and restores the rest. */
  group?: number;
};
export type RowChange =
  /** An UPDATE: undo writes `before` back (the changed columns only), if the row still holds `after`. */
  | (Common & { op: "update"; before: Row; after: Row })
  /** An INSERT: undo deletes the row (it must still exist and hold `after`, a few identifying columns). */
  | (Common & { op: "insert"; after: Row })
  /** A DELETE: undo inserts the whole row back, unless a row with its id — or its `unique` columns' values — exists again. */
  | (Common & { op: "delete"; before: Row; unique?: string[] });

/** Tables an action may change; add a table here to make its rows undoable. */
export const UNDOABLE_TABLES = ["Card", "ReviewLog", "CardFlag", "QuizQuestion", "Quiz"] as const;
export type UndoableTable = (typeof UNDOABLE_TABLES)[number];

export type ActionRow = {
  id: number;
  sessionId: string;
  kind: string;
  label: string;
  cardId: number | null;
  changes: RowChange[];
  /** Rows are independent (a bulk action): undo restores those still as the action left them and skips the rest. */
  partial: boolean;
  createdAt: number;
  undoneAt: number | null;
};

type RawAction = Omit<ActionRow, "changes" | "partial"> & { changes: string; partial: number };

const toAction = (r: RawAction): ActionRow => ({ ...r, changes: JSON.parse(r.changes) as RowChange[], partial: r.partial === 1 });

// Column names per connection (a restore opens a new one): an undo of 10,000 rows asks once, not per row.
const columnCache = new WeakMap<object, Map<UndoableTable, Set<string>>>();

/** Column names of a table, to build statements from stored rows safely. */
function columnsOf(table: UndoableTable): Set<string> {
  if (!UNDOABLE_TABLES.includes(table)) throw new Error(`table ${table} is not undoable`);
  const conn = sqlite();
  const byTable = columnCache.get(conn) ?? new Map<UndoableTable, Set<string>>();
  columnCache.set(conn, byTable);
  let cols = byTable.get(table);
  if (!cols) {
    cols = new Set((stmt(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
    byTable.set(table, cols);
  }
  return cols;
}

/** Rows of `table` whose `column` is one of `values` (every column, or id, `column` and `only`), by id. */
export function readRowsWhere(table: UndoableTable, column: string, values: readonly RowId[], only?: readonly string[]): Row[] {
  const cols = columnsOf(table);
  if (!cols.has(column)) throw new Error(`${table} has no column ${column}`);
  const unknown = only?.find((c) => !cols.has(c));
  if (unknown) throw new Error(`${table} has no column ${unknown}`);
  if (values.length === 0) return [];
  const list = only ? [...new Set(["id", column, ...only])].map((c) => `"${c}"`).join(", ") : "*";
  return stmt(`SELECT ${list} FROM "${table}" WHERE "${column}" IN (SELECT value FROM json_each(?)) ORDER BY id`).all(JSON.stringify(values)) as Row[];
}

export const readRows = (table: UndoableTable, ids: readonly RowId[]): Row[] => readRowsWhere(table, "id", ids);

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

const pick = (row: Row, columns: readonly string[]): Row => Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));

export type CaptureOptions = {
  /** Columns that identify an inserted row besides its id (checked before undo deletes it). */
  insertKeys?: readonly string[];
  /** Unique columns of a deleted row: undo does not put it back while another row holds those values. */
  unique?: readonly string[];
  /** A column whose value groups the changes (the card id of a bulk action). */
  groupBy?: string;
  /**
   * The only columns the write can change: just these are read and compared
   * (a bulk action on 10,000 cards reads 4 columns, not every one with the
   * card's payload). Leave it out to compare every column.
   */
  only?: readonly string[];
};

/**
 * Runs `write` and returns the changes it made to the rows of `table` whose
 * `column` is one of `values`: updates, inserts and deletes (deletes before
 * inserts, so undo — which goes newest first — removes a replacement before
 * it puts the original back). Call it inside the action's transaction.
 */
export function captureRows(table: UndoableTable, column: string, values: readonly RowId[], write: () => void, o: CaptureOptions = {}): RowChange[] {
  const only = o.only && [...o.only, ...(o.groupBy ? [o.groupBy] : [])];
  const before = new Map(readRowsWhere(table, column, values, only).map((r) => [r.id as RowId, r]));
  write();
  const after = readRowsWhere(table, column, values, only);
  const group = (r: Row) => (o.groupBy ? { group: r[o.groupBy] as number } : {});
  const seen = new Set<RowId>();
  const updates: RowChange[] = [];
  const inserts: RowChange[] = [];
  for (const row of after) {
    const id = row.id as RowId;
    seen.add(id);
    const old = before.get(id);
    if (!old) {
      inserts.push({ op: "insert", table, id, after: pick(row, [column, ...(o.insertKeys ?? [])]), ...group(row) });
      continue;
    }
    const [b, a] = diff(old, row);
    if (Object.keys(a).length > 0) updates.push({ op: "update", table, id, before: b, after: a, ...group(row) });
  }
  const deletes: RowChange[] = [...before.values()]
    .filter((r) => !seen.has(r.id as RowId))
    .map((r) => ({ op: "delete", table, id: r.id as RowId, before: r, ...(o.unique ? { unique: [...o.unique] } : {}), ...group(r) }));
  return [...updates, ...deletes, ...inserts];
}

/** Runs `write` and returns an "update" change for each row of `ids` that it changed. */
export function captureUpdates(table: UndoableTable, ids: readonly RowId[], write: () => void, o: CaptureOptions = {}): RowChange[] {
  return captureRows(table, "id", ids, write, o).filter((c) => c.op === "update");
}

/** An inserted row, identified by `columns` (besides its id) so that undo deletes that row and no other. */
export function insertedRow(table: UndoableTable, id: RowId, columns: readonly string[] = []): RowChange {
  const [row] = readRows(table, [id]);
  if (!row) throw new Error(`${table} ${id} does not exist`);
  return { op: "insert", table, id, after: pick(row, columns) };
}

/** Actions are kept this long; a study session does not outlive it. */
const KEEP_MS = 30 * 86_400_000;

export type NewAction = { sessionId: string; kind: string; label: string; cardId: number | null; changes: RowChange[]; partial?: boolean };

export function recordAction(a: NewAction, now: Date): ActionRow {
  const createdAt = now.getTime();
  const partial = a.partial ?? false;
  const id = Number(
    stmt(`INSERT INTO StudyAction (sessionId, kind, label, cardId, changes, partial, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      a.sessionId,
      a.kind,
      a.label,
      a.cardId,
      JSON.stringify(a.changes),
      partial ? 1 : 0,
      createdAt,
    ).lastInsertRowid,
  );
  // Now and then, forget actions no session will undo any more (a full scan, so rarely).
  if (id % 1000 === 0) stmt(`DELETE FROM StudyAction WHERE createdAt < ?`).run(createdAt - KEEP_MS);
  return { id, ...a, partial, createdAt, undoneAt: null };
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

/** `row` holds every value of `subset`. */
function holds(row: Row | undefined, subset: Row): boolean {
  if (!row) return false;
  for (const k of Object.keys(subset)) if (row[k] !== subset[k]) return false;
  return true;
}

/** The row's current values of `columns` (only those: a card's payload is not read). */
function currentValues(table: UndoableTable, id: RowId, columns: readonly string[]): Row | undefined {
  const cols = columnsOf(table);
  const names = columns.filter((c) => cols.has(c));
  const list = names.length > 0 ? names.map((n) => `"${n}"`).join(", ") : "id";
  return stmt(`SELECT ${list} FROM "${table}" WHERE id = ?`).get(id) as Row | undefined;
}

/** Whether the row is no longer as the action left it. `insertedHere`: ids this group inserted (a replacement undo removes first). */
function isStale(c: RowChange, insertedHere: Set<string>): boolean {
  if (c.op !== "delete") return !holds(currentValues(c.table, c.id, Object.keys(c.after)), c.after);
  if (currentValues(c.table, c.id, []) !== undefined) return true;
  for (const col of c.unique ?? []) {
    const others = stmt(`SELECT id FROM "${c.table}" WHERE "${col}" IS ?`).all(c.before[col] ?? null) as { id: RowId }[];
    if (others.some((o) => !insertedHere.has(`${c.table}:${o.id}`))) return true;
  }
  return false;
}

function revertOne(c: RowChange): void {
  const cols = columnsOf(c.table);
  if (c.op === "insert") {
    stmt(`DELETE FROM "${c.table}" WHERE id = ?`).run(c.id);
    return;
  }
  const names = Object.keys(c.before).filter((k) => k !== "id" && cols.has(k));
  const values = { ...Object.fromEntries(names.map((n) => [n, c.before[n] ?? null])), id: c.id };
  if (c.op === "delete") {
    stmt(`INSERT INTO "${c.table}" (id, ${names.map((n) => `"${n}"`).join(", ")}) VALUES (@id, ${names.map((n) => `@${n}`).join(", ")})`).run(values);
    return;
  }
  stmt(`UPDATE "${c.table}" SET ${names.map((n) => `"${n}" = @${n}`).join(", ")} WHERE id = @id`).run(values);
}

/** Thrown, before anything is written, when a row of an all-or-nothing undo changed since the action. */
export class StaleRow extends Error {
  constructor(readonly change: RowChange) {
    super(`${change.table} ${change.id} changed since`);
  }
}

function groupsOf(changes: readonly RowChange[], partial: boolean): RowChange[][] {
  if (!partial) return [[...changes]];
  const by = new Map<number | undefined, RowChange[]>();
  for (const c of changes) by.set(c.group, [...(by.get(c.group) ?? []), c]);
  return [...by.values()];
}

/**
 * Puts every changed row back as it was, newest change first. Each group is
 * checked whole before any of it is written (triggers — Card.lastRating —
 * react to the writes; groups of a partial action touch different rows, so
 * one group's writes cannot change another's check). All-or-nothing (not
 * partial): a stale row throws StaleRow before anything is written. Partial:
 * stale groups are skipped. Returns how many groups were restored and skipped.
 */
export function revertChanges(changes: readonly RowChange[], partial = false): { restored: number; skipped: number } {
  let restored = 0;
  let skipped = 0;
  for (const g of groupsOf(changes, partial).reverse()) {
    const inserted = new Set(g.filter((c) => c.op === "insert").map((c) => `${c.table}:${c.id}`));
    const stale = g.find((c) => isStale(c, inserted));
    if (stale) {
      if (!partial) throw new StaleRow(stale);
      skipped++;
      continue;
    }
    for (const c of [...g].reverse()) revertOne(c);
    restored++;
  }
  return { restored, skipped };
}

/** Marks the action undone; false when it already was (a concurrent undo won). */
export function markUndone(id: number, now: Date): boolean {
  return stmt(`UPDATE StudyAction SET undoneAt = ? WHERE id = ? AND undoneAt IS NULL`).run(now.getTime(), id).changes === 1;
}

/** Every action of the session that is not undone, oldest first. */
export function openActions(sessionId: string): ActionRow[] {
  return (stmt(`SELECT * FROM StudyAction WHERE sessionId = ? AND undoneAt IS NULL ORDER BY id`).all(sessionId) as RawAction[]).map(toAction);
}
