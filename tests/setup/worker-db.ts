// Runs before each test file: gives the file its own copy of the migrated base database and points
// DATABASE_URL at it before any module opens a connection. A worker runs many files in one module
// graph (decision 0075), so the previous file's connections, kept on globalThis by lib/db/sqlite.ts
// and lib/db/client.ts, are closed here and the next use opens the new file.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { PrismaClient } from "../../lib/db/generated/client";

const dir = process.env.CARDINAL_TEST_DB_DIR;
if (!dir) throw new Error("CARDINAL_TEST_DB_DIR is not set: tests/setup/global-db.ts did not run");

const held = globalThis as unknown as { __cardinalSqlite?: Database.Database; __cardinalSqlitePath?: string; __cardinalPrisma?: PrismaClient };
held.__cardinalSqlite?.close();
delete held.__cardinalSqlite;
delete held.__cardinalSqlitePath;
await held.__cardinalPrisma?.$disconnect();
delete held.__cardinalPrisma;

const file = path.join(dir, `file-${process.pid}-${randomUUID().slice(0, 8)}.db`);
copyFileSync(path.join(dir, "base.db"), file);
process.env.DATABASE_URL = `file:${file}`;
