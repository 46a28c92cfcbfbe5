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

const SQL_TYPES: Record<string, string> = { Int: "INTEGER", String: "TEXT", Float: "REAL", Boolean: "BOOLEAN", DateTime: "DATETIME" };

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
type Idx = { name: string; unique: number; origin: string };
const indexesOf = (table: string) =>
  // A TEXT primary key gets SQLite's implicit index (origin "pk"): that is the @id, not an index of its own.
  (db.prepare(`PRAGMA index_list("${table}")`).all() as Idx[]).filter((i) => i.origin !== "pk").map((i) => ({
    unique: i.unique === 1,
    cols: (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name),
  }));

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
          field: f.name, type: SQL_TYPES[f.type], notnull: !f.optional, pk: f.id,
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
