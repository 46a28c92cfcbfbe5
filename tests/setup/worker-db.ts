// Runs before each test file: gives the file its own copy of the migrated base database and points
// DATABASE_URL at it. A worker runs many files in one module graph (decision 0075); lib/db's
// connections follow DATABASE_URL (lib/db/sqlite.ts, lib/db/client.ts), so the file's first query
// closes the previous file's connections and opens its own.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";

const dir = process.env.CARDINAL_TEST_DB_DIR;
if (!dir) throw new Error("CARDINAL_TEST_DB_DIR is not set: tests/setup/global-db.ts did not run");
const file = path.join(dir, `file-${process.pid}-${randomUUID().slice(0, 8)}.db`);
copyFileSync(path.join(dir, "base.db"), file);
process.env.DATABASE_URL = `file:${file}`;
