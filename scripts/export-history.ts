// `npm run -s export -- [--format fsrs|anki]`: the review history as CSV on
// stdout (fsrs: card_id,review_time,review_rating,review_state,review_duration).
import { prepareDatabase } from "../lib/db/prepare";
import { databasePath } from "../lib/db/database-path";
import { exitOnSetupError } from "./lib/setup-steps";

const i = process.argv.indexOf("--format");
const format = i >= 0 ? process.argv[i + 1] : "fsrs";
if (format !== "fsrs" && format !== "anki") {
  console.error("usage: npm run -s export -- [--format fsrs|anki] > history.csv");
  process.exit(2);
}
try {
  prepareDatabase(databasePath()); // quietly: stdout is the CSV
} catch (e) {
  exitOnSetupError(e);
}
const { historyCsv } = await import("../lib/db/history-export");
process.stdout.write(historyCsv(format));
