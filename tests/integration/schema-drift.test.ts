// The migrations are hand-written SQL (Prisma's schema engine cannot run
// here), so this proves they create exactly what schema.prisma declares.
import { describe, it, expect } from "vitest";
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { prepareDatabase } from "../../lib/db/prepare";

type Field = { name: string; type: string; optional: boolean; unique: boolean; id: boolean };
type Model = { name: string; fields: Field[]; uniques: string[][]; indexes: string[][] };

const SQL_TYPES: Record<string, string> = { Int: "INTEGER", BigInt: "BIGINT", String: "TEXT", Float: "REAL", Boolean: "BOOLEAN", DateTime: "DATETIME" };

function parseSchema(text: string): Model[] {
  const models: Model[] = [];
  for (const m of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const model: Model = { name: m[1]!, fields: [], uniques: [], indexes: [] };
    for (const raw of m[2]!.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      if (!line) continue;
      const block = line.match(/^@@(unique|index)\(\[([^\]]+)\]/);
      if (block) {
        const cols = block[2]!.split(",").map((c) => c.trim());
        (block[1] === "unique" ? model.uniques : model.indexes).push(cols);
        continue;
      }
      const f = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/);
      if (!f || f[3] || !(f[2]! in SQL_TYPES)) continue; // relation fields live in other tables
      model.fields.push({ name: f[1]!, type: f[2]!, optional: !!f[4], unique: /@unique\b/.test(f[5]!), id: /@id\b/.test(f[5]!) });
    }
    models.push(model);
  }
  return models;
}

const models = parseSchema(readFileSync("prisma/schema.prisma", "utf8"));
const file = path.join(mkdtempSync(path.join(tmpdir(), "cardinal-drift-")), "drift.db");
prepareDatabase(file);
const db = new Database(file, { readonly: true });

type Col = { name: string; type: string; notnull: number; pk: number };
type Idx = { name: string; unique: number; origin: string; partial: number };
const columnsOf = (index: string) => (db.prepare(`PRAGMA index_info("${index}")`).all() as { name: string }[]).map((c) => c.name);
const indexesOf = (table: string) =>
  // A TEXT primary key gets SQLite's implicit index (origin "pk"): that is the @id, not an index of its own.
  // Partial indexes (CREATE INDEX … WHERE) cannot be declared in schema.prisma: checked against PARTIAL_INDEXES below.
  (db.prepare(`PRAGMA index_list("${table}")`).all() as Idx[])
    .filter((i) => i.origin !== "pk" && i.partial !== 1)
    .map((i) => ({
      unique: i.unique === 1,
      cols: columnsOf(i.name),
    }));

/**
 * The partial indexes the migrations create (see the note on model Card in
 * schema.prisma). Queries must repeat the WHERE literally for SQLite to use
 * one, so the WHERE is part of what is checked.
 */
const LIVE = "retired = 0 AND suspended = 0 AND leech = 0";
const PARTIAL_INDEXES = [
  { table: "Card", name: "Card_live_deckId_state_due_idx", cols: ["deckId", "state", "due", "id", "buriedUntil"], where: LIVE },
  { table: "Card", name: "Card_live_deckId_state_position_idx", cols: ["deckId", "state", "position"], where: LIVE },
  { table: "Card", name: "Card_live_state_position_idx", cols: ["state", "position"], where: LIVE },
  { table: "Card", name: "Card_live_buried_idx", cols: ["state", "buriedUntil", "due", "deckId"], where: `buriedUntil IS NOT NULL AND ${LIVE}` },
];

describe("migrations match prisma/schema.prisma", () => {
  it("declares the models the app relies on", () => {
    expect(models.map((m) => m.name)).toEqual(expect.arrayContaining(["Deck", "Note", "Card", "ReviewLog", "Settings"]));
  });

  for (const model of models) {
    it(`${model.name}: every column with its type, nullability and key`, () => {
      const cols = db.prepare(`PRAGMA table_info("${model.name}")`).all() as Col[];
      expect(cols.map((c) => c.name).sort()).toEqual(model.fields.map((f) => f.name).sort());
      for (const f of model.fields) {
        const c = cols.find((x) => x.name === f.name)!;
        expect({ field: f.name, type: c.type, notnull: c.notnull === 1, pk: c.pk === 1 }).toEqual({
          field: f.name,
          type: SQL_TYPES[f.type],
          notnull: !f.optional,
          pk: f.id,
        });
      }
    });

    it(`${model.name}: every unique constraint and index`, () => {
      const have = indexesOf(model.name);
      const want = [
        ...model.fields.filter((f) => f.unique).map((f) => ({ unique: true, cols: [f.name] })),
        ...model.uniques.map((cols) => ({ unique: true, cols })),
        ...model.indexes.map((cols) => ({ unique: false, cols })),
      ];
      expect(have).toEqual(expect.arrayContaining(want));
      expect(have).toHaveLength(want.length);
    });
  }
});

describe("partial indexes (declared in SQL only)", () => {
  const partial = db.prepare(`SELECT name, tbl_name AS "table", sql FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %' ORDER BY name`).all() as {
    name: string;
    table: string;
    sql: string;
  }[];

  it("exist exactly as listed, with their columns and WHERE clause", () => {
    expect(partial.map((p) => p.name)).toEqual(PARTIAL_INDEXES.map((p) => p.name).sort());
    for (const want of PARTIAL_INDEXES) {
      const got = partial.find((p) => p.name === want.name)!;
      expect({ name: want.name, table: got.table, cols: columnsOf(want.name), where: got.sql.replace(/^[\s\S]* WHERE /, "").trim() }).toEqual({
        name: want.name,
        table: want.table,
        cols: want.cols,
        where: want.where,
      });
    }
  });

  it("are the only indexes the drift check above leaves out", () => {
    const flagged = db
      .prepare(
        `SELECT m.name FROM sqlite_master m, pragma_index_list(m.tbl_name) l WHERE m.type = 'index' AND l.name = m.name AND l.partial = 1 ORDER BY m.name`,
      )
      .all() as { name: string }[];
    expect(flagged.map((r) => r.name)).toEqual(partial.map((p) => p.name));
  });
});
