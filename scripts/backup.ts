// `npm run backup`: one backup of the collection into BACKUP_DIR (default: backups/ next to the database).
import { migrateOrExit } from "./lib/setup-steps";

migrateOrExit();
const { backUpNow } = await import("../lib/services/backup");
const { backupDir } = await import("../lib/db/backup");
const b = backUpNow(new Date());
console.log(`backup: ${backupDir()}/${b.name} (${(b.bytes / 1024).toFixed(0)} KiB database)`);
