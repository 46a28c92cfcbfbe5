// Times every better-sqlite3 statement the code under test runs, by wrapping
// the Statement prototype's run/get/all for the duration of a profile: the
// production code carries no timing hooks. Each statement is named by the
// start of its SQL; the rest of a call's time is JavaScript.
import type Database from "better-sqlite3";

type Fn = (...args: unknown[]) => unknown;
const METHODS = ["run", "get", "all"] as const;

export type StatementTimes = Map<string, number>;

/** Starts timing the statements of `conn`'s Statement class; returns the times so far and a way to stop. */
export function timeStatements(conn: Database.Database): { times: StatementTimes; stop: () => void } {
  const proto = Object.getPrototypeOf(conn.prepare("SELECT 1")) as Record<string, Fn>;
  const originals = METHODS.map((m) => [m, proto[m]!] as const);
  const times: StatementTimes = new Map();
  for (const [m, original] of originals) {
    proto[m] = function (this: { source: string }, ...args: unknown[]) {
      const t0 = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const name = `SQL ${this.source.replace(/\s+/g, " ").trim().slice(0, 60)}`;
        times.set(name, (times.get(name) ?? 0) + performance.now() - t0);
      }
    };
  }
  return {
    times,
    stop: () => {
      for (const [m, original] of originals) proto[m] = original;
    },
  };
}
