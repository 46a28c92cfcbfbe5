// The automatic backup on `npm start` (before the content sync changes
// anything), keeping the newest N: the "Automatic backups to keep" setting
// (default 10; 0: none), or CARDINAL_BACKUPS_KEEP when set.
export async function autoBackupStep(): Promise<void> {
  const { autoBackup, backupsToKeep } = await import("../../lib/services/backup");
  const { backupDir } = await import("../../lib/db/backup");
  try {
    const r = autoBackup(new Date());
    if (r.name)
      console.log(`backup: ${backupDir()}/${r.name} (keeping the newest ${backupsToKeep()}${r.pruned.length ? `, removed ${r.pruned.length} older` : ""})`);
  } catch (e) {
    // A failed backup must not keep the learner from studying; say so and go on.
    console.error(`backup: skipped (${e instanceof Error ? e.message : String(e)})`);
  }
}
