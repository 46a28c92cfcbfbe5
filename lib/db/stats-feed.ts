/**
 * Feeding a statistics pass from SQL to JavaScript without a row object per
 * row: the query calls an aggregate function, registered on the connection,
 * whose step hands each row's values straight to a lib/stats tally's `add`.
 *
 * Why (100k cards, 1M review logs; docs/decisions/0004-statistics.md): the
 * card figures grouped in SQL cost a sort of every card by a packed key
 * (~2/3 of the old /progress time); returning the cards as rows costs more
 * (better-sqlite3 builds an object or array per row); a step call with the
 * values as arguments costs ~0.1 µs plus ~0.03 µs per value, and the
 * arithmetic in JavaScript is faster than SQLite's bytecode.
 *
 * The statement runs synchronously (better-sqlite3), so the one `target` of
 * a function is always the tally of the statement being run.
 */
import type { Db } from "./stats-queries";
import { prepared } from "./sqlite";

// biome-ignore lint/suspicious/noExplicitAny: the step's arguments are the SQL row's values, typed by each tally's add
type Add = (...values: any[]) => void;
type Slot = { add: Add | null };

/**
 * One slot per function name: the tally being fed, null between statements.
 * Kept on globalThis beside the connection (lib/db/sqlite.ts): Next loads this
 * module once per bundle (the /progress page and the stats route each have a
 * copy) while they share one connection, and a function registered by one copy
 * must find the slot the other copy fills — else "called outside feed()".
 */
const shared = globalThis as unknown as {
  __cardinalStatsFeed?: { slots: Map<string, Slot>; registered: WeakMap<Db, Set<string>> };
};
shared.__cardinalStatsFeed ??= { slots: new Map(), registered: new WeakMap() };
const { slots, registered } = shared.__cardinalStatsFeed;

const idle = (name: string) => () => {
  throw new Error(`${name}: called outside feed()`);
};

/** A fixed-arity step (a rest parameter would allocate an array per row). */
function stepOf(name: string, arity: number, slot: Slot): (n: number, ...v: unknown[]) => number {
  const none = idle(name);
  switch (arity) {
    case 8:
      return (n, a, b, c, d, e, f, g, h) => {
        (slot.add ?? none)(a, b, c, d, e, f, g, h);
        return n + 1;
      };
    case 15:
      return (n, a, b, c, d, e, f, g, h, i, j, k, l, m, o, p) => {
        (slot.add ?? none)(a, b, c, d, e, f, g, h, i, j, k, l, m, o, p);
        return n + 1;
      };
    default:
      throw new RangeError(`stats feed: no step for ${arity} values`);
  }
}

function slotOn(conn: Db, name: string, arity: number): Slot {
  let slot = slots.get(name);
  if (!slot) {
    slot = { add: null };
    slots.set(name, slot);
  }
  let names = registered.get(conn);
  if (!names) {
    names = new Set();
    registered.set(conn, names);
  }
  if (!names.has(name)) {
    conn.aggregate(name, { start: 0, step: stepOf(name, arity, slot) });
    names.add(name);
  }
  return slot;
}

/**
 * Runs `sql` (a one-row aggregate query calling `name(…)` with `arity` values
 * per row) and hands every row's values to `add`. Returns the number of rows fed.
 */
export function feed(conn: Db, name: string, arity: number, add: Add, sql: string, ...params: unknown[]): number {
  const slot = slotOn(conn, name, arity);
  if (slot.add) throw new Error(`${name}: already feeding`);
  slot.add = add;
  try {
    const row = prepared(conn, sql)
      .raw(true)
      .get(...params) as unknown[] | undefined;
    return Number(row?.[0] ?? 0);
  } finally {
    slot.add = null;
  }
}
