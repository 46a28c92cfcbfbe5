// The statistics evaluate the forgetting curve in SQL (lib/db/stats-queries.ts
// retrievabilitySql, the expression cardGroups runs) with constants from
// lib/stats/curve.ts; it must give lib/srs's retrievability (ts-fsrs).
import { beforeAll, describe, expect, it, vi } from "vitest";
import Database from "better-sqlite3";
import { DEFAULT_SETTINGS, retrievability, type Settings } from "../../../lib/srs";
import { curveParams } from "../../../lib/stats/curve";
import { retrievabilitySql } from "../../../lib/db/stats-queries";

/** R as the statistics SQL computes it, for t whole days at stability S. */
const rInSql = (sql: Database.Database, p: { factor: number; decay: number }, t: number, S: number) =>
  (sql.prepare(`SELECT ${retrievabilitySql("?", "?")} AS r`).get(p.factor, t, S, p.decay) as { r: number }).r;

const NOW = new Date("2026-06-15T10:00:00Z");
const DAY = 86_400_000;
const W21 = [
  0.2172, 1.1771, 3.2602, 16.1507, 7.0114, 0.57, 2.0966, 0.0069, 1.5261, 0.112, 1.0178, 1.849, 0.1133, 0.3127, 2.2934, 0.2191, 3.0004, 0.7536, 0.3332, 0.1437,
  0.2,
];
const W19 = W21.slice(0, 19);
const W17 = [0.4072, 1.1829, 3.1262, 15.4722, 7.2102, 0.5316, 1.0651, 0.0234, 1.616, 0.1544, 1.0824, 1.9813, 0.0953, 0.2975, 2.2042, 0.2407, 2.9466];

function card(stability: number, elapsedDays: number) {
  return {
    state: 2,
    stability,
    difficulty: 5,
    due: NOW,
    elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: 0,
    reps: 3,
    lapses: 0,
    last_review: new Date(NOW.getTime() - elapsedDays * DAY),
  };
}

describe("curveParams", () => {
  // ts-fsrs logs "auto fill w from 17 to 21 length" on every 17/19-weight scheduler.
  beforeAll(() => void vi.spyOn(console, "debug").mockImplementation(() => {}));
  const cases: [string, number[] | null][] = [
    ["default", null],
    ["21 weights", W21],
    ["19 weights", W19],
    ["17 weights", W17],
    ["w20 clamped", [...W21.slice(0, 20), 0.01]],
  ];
  for (const [name, weights] of cases) {
    it(`matches lib/srs retrievability (${name}) in the statistics' SQL`, () => {
      const settings: Settings = { ...DEFAULT_SETTINGS, weights };
      const p = curveParams(settings);
      const sql = new Database(":memory:");
      for (const S of [0.1, 0.5, 1, 2.5, 3, 10, 47.3, 365, 3650]) {
        for (const t of [0, 1, 2, 3, 7, 10, 30, 100, 1000]) {
          const expected = retrievability(card(S, t), settings, NOW);
          expect(Math.abs(rInSql(sql, p, t, S) - expected)).toBeLessThanOrEqual(1e-8);
        }
      }
      sql.close();
    });
  }

  it("at t = S the curve gives exactly 0.9 (mastery threshold)", () => {
    const p = curveParams(DEFAULT_SETTINGS);
    const sql = new Database(":memory:");
    for (const S of [1, 3, 5, 20, 123]) expect(rInSql(sql, p, S, S)).toBe(0.9);
    // Before the last review (clock skew): R = 1, not above it.
    expect(rInSql(sql, p, -3, 10)).toBe(1);
    sql.close();
  });
});
