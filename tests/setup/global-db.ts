// Migrates one base database for the whole run; each test file gets a copy
// (tests/setup/worker-db.ts), so integration tests hit real SQLite, never mocks.
import { rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { prepareDatabase } from "../../lib/db/prepare";

export const TEST_DB_DIR = path.resolve(".tmp/test-db");

export default function setup() {
  rmSync(TEST_DB_DIR, { recursive: true, force: true });
  mkdirSync(TEST_DB_DIR, { recursive: true });
  prepareDatabase(path.join(TEST_DB_DIR, "base.db"));
}
