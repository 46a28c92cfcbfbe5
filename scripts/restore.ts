// `npm run restore <file>`: checks the backup, keeps the current collection as a
// backup, then restores. A bad file changes nothing and prints one line why.
import { readFileSync } from "node:fs";
import { migrateOrExit } from "./lib/setup-steps";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run restore <backup.zip>");
  process.exit(2);
}
let bytes: Uint8Array;
try {
  bytes = readFileSync(file);
} catch (e) {
  console.error(`restore: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? e})`);
  process.exit(1);
}
migrateOrExit();
const { restoreFrom } = await import("../lib/services/backup");
const r = restoreFrom({ bytes }, new Date());
if (!r.ok) {
  console.error(`restore: ${file}: ${r.error}`);
  process.exit(1);
}
const c = r.result.counts;
console.log(
  `restored ${file} (made ${r.result.manifest.createdAt} by Cardinal ${r.result.manifest.appVersion}): ${c.Card ?? 0} cards, ${c.ReviewLog ?? 0} reviews`,
);
if (r.result.migrated.length) console.log(`migrated the backup: ${r.result.migrated.join(", ")}`);
console.log(`the collection as it was before is kept in backup ${r.result.safetyBackup}`);
