// Migrates one base database for the whole run; each test file gets a copy
// (tests/setup/worker-db.ts), so integration tests hit real SQLite, never mocks.
// Each run has its own folder, so two runs at once do not clobber each other.
// TMPDIR points inside it too: a test's mkdtemp (and any CLI it spawns) writes
// under the repo's .tmp, never /tmp, and goes when the run ends.
import { rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { prepareDatabase } from "../../lib/db/prepare";

export default function setup() {
  const dir = path.resolve(".tmp/test-db", `run-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  prepareDatabase(path.join(dir, "base.db"));
  const tmp = path.join(dir, "tmp");
  mkdirSync(tmp);
  // Forked workers and the processes they spawn inherit the environment.
  process.env.CARDINAL_TEST_DB_DIR = dir;
  process.env.TMPDIR = tmp;
  return () => rmSync(dir, { recursive: true, force: true });
}
