// The offset table must reproduce lib/srs's study days exactly (it is what
// SQL uses to bucket timestamps), including DST gaps, repeated hours, odd
// offsets (+05:45, +12:45, −03:30, 30-minute DST) and a start hour of 0.
import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { dayIndex, studyDayOf, studyDayStart, labelOfDayIndex } from "../../../lib/srs";
import { offsetAt, offsetTable, studyDayIndexAt, studyDayStartAt } from "../../../lib/stats/tz-offsets";
import { studyDaySql } from "../../../lib/db/stats-queries";
import { mulberry32 as rng } from "../../../lib/generate/rng";

const ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "America/Santiago", // DST changes at midnight: start hour 0 falls in the gap
  "Australia/Lord_Howe", // 30-minute DST
  "Asia/Kathmandu", // +05:45
  "Pacific/Chatham", // +12:45 / +13:45
  "America/St_Johns", // −03:30
  "Africa/Casablanca", // Ramadan switches
  "Pacific/Kiritimati", // +14
];
const HOURS = [0, 2, 3, 4, 23];
const FROM = Date.UTC(2018, 0, 1);
const TO = Date.UTC(2027, 11, 31);

describe("offsetTable", () => {
  it("finds Berlin's 2026 transitions to the millisecond", () => {
    const t = offsetTable("Europe/Berlin", Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31));
    expect(t.changes).toEqual([Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]);
    expect(t.offsets).toEqual([3_600_000, 7_200_000, 3_600_000]);
    expect(offsetAt(t, Date.UTC(2026, 2, 29, 1) - 1)).toBe(3_600_000);
    expect(offsetAt(t, Date.UTC(2026, 2, 29, 1))).toBe(7_200_000);
  });

  it("is constant for UTC", () => {
    expect(offsetTable("UTC", FROM, TO)).toEqual({ timeZone: "UTC", changes: [], offsets: [0] });
  });

  it("rejects an unknown zone", () => {
    expect(() => offsetTable("Mars/Olympus", FROM, TO)).toThrow(RangeError);
  });

  for (const tz of ZONES) {
    it(`agrees with lib/srs in ${tz} (random instants, every transition ±1 ms)`, () => {
      const table = offsetTable(tz, FROM, TO);
      const r = rng(tz.length * 7919);
      const instants: number[] = [];
      for (let i = 0; i < 300; i++) instants.push(FROM + Math.floor(r() * (TO - FROM)));
      for (const c of table.changes) instants.push(c - 1, c, c + 1);
      for (const H of HOURS) {
        for (const t of instants) {
          const expected = dayIndex(studyDayOf(t, tz, H));
          expect(studyDayIndexAt(table, H, t), `${tz} H=${H} ${new Date(t).toISOString()}`).toBe(expected);
        }
      }
    });

    it(`gives lib/srs's day starts in ${tz} (around every transition and random days)`, () => {
      const table = offsetTable(tz, FROM, TO);
      const r = rng(tz.length * 104729);
      const days = new Set<number>();
      for (let i = 0; i < 100; i++) days.add(Math.floor((FROM + r() * (TO - FROM - 3 * 86_400_000)) / 86_400_000) + 1);
      for (const c of table.changes) for (let k = -1; k <= 1; k++) days.add(Math.floor(c / 86_400_000) + k);
      for (const H of HOURS) {
        for (const d of days) {
          const expected = studyDayStart(labelOfDayIndex(d), tz, H).getTime();
          expect(studyDayStartAt(table, H, d), `${tz} H=${H} day ${labelOfDayIndex(d)}`).toBe(expected);
        }
      }
    });
  }
});

describe("studyDaySql", () => {
  it("computes in SQLite the same day index as lib/srs", () => {
    const sql = new Database(":memory:");
    sql.exec("CREATE TABLE t (at INTEGER)");
    const ins = sql.prepare("INSERT INTO t VALUES (?)");
    for (const tz of ["Europe/Berlin", "Asia/Kathmandu", "America/Santiago", "Australia/Lord_Howe", "UTC"]) {
      const table = offsetTable(tz, FROM, TO);
      const r = rng(17);
      const instants: number[] = [];
      for (let i = 0; i < 200; i++) instants.push(FROM + Math.floor(r() * (TO - FROM)));
      for (const c of table.changes) instants.push(c - 1, c, c + 1);
      instants.push(0, 1, -1, -86_400_000 * 400 - 12345); // before 1970: still floored
      sql.exec("DELETE FROM t");
      for (const t of instants) ins.run(t);
      for (const H of [0, 4]) {
        const expr = studyDaySql("at", { startHour: H, changes: table.changes, offsets: table.offsets });
        const rows = sql.prepare(`SELECT at, ${expr} AS d FROM t`).all() as { at: number; d: number }[];
        for (const row of rows) {
          const expected = row.at >= FROM ? dayIndex(studyDayOf(row.at, tz, H)) : studyDayIndexAt(table, H, row.at);
          expect(row.d, `${tz} H=${H} ${row.at}`).toBe(expected);
        }
      }
    }
    sql.close();
  });

  it("refuses to inline anything but safe integers", () => {
    expect(() => studyDaySql("at", { startHour: 4, changes: [1.5], offsets: [0, 0] })).toThrow(RangeError);
  });
});
