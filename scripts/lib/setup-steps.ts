// Steps shared by `npm start`, `npm run db:migrate` and the e2e server.
import { databasePath } from "../../lib/db/database-path";
import { prepareDatabase, SetupError } from "../../lib/db/prepare";

/** Creates and migrates the database, or exits with one line saying what to do. */
export function migrateOrExit(): string {
  const file = databasePath();
  try {
    const { applied, total } = prepareDatabase(file);
    console.log(`database ${file}: ${applied.length} migration(s) applied, ${total} in all`);
    return file;
  } catch (e) {
    exitOnSetupError(e);
  }
}

export function exitOnSetupError(e: unknown): never {
  if (e instanceof SetupError) {
    console.error(`cardinal: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
