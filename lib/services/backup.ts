// Use cases: back up now, restore a backup (uploaded, or one of the saved ones),
// and the automatic backup on start that keeps the newest N.
import { readFileSync } from "node:fs";
import { peekSettings } from "../db/settings";
import { invalid, notFound, type Failure } from "./outcomes";
import { dropUpload, finishedUpload } from "./uploads";
import { backupFile, createBackup, listBackups, pruneAutoBackups, restoreBackup, RestoreError, type BackupInfo, type RestoreResult } from "../db/backup";

export const DEFAULT_BACKUPS_KEEP = 10;

/**
 * How many automatic backups to keep (0 turns them off): the "Automatic backups
 * to keep" setting (default 10), unless CARDINAL_BACKUPS_KEEP is set to a whole
 * number, which overrides it (for scripted setups).
 */
export function backupsToKeep(env = process.env.CARDINAL_BACKUPS_KEEP, saved: number | undefined = peekSettings().backupsKeep): number {
  const n = env === undefined || env.trim() === "" ? Number.NaN : Number(env);
  if (Number.isInteger(n) && n >= 0) return n;
  return saved ?? DEFAULT_BACKUPS_KEEP;
}

/** Whether CARDINAL_BACKUPS_KEEP overrides the setting (the Settings and /data pages say so). */
export function backupsKeepOverridden(env = process.env.CARDINAL_BACKUPS_KEEP): boolean {
  const n = env === undefined || env.trim() === "" ? Number.NaN : Number(env);
  return Number.isInteger(n) && n >= 0;
}

export function backUpNow(now: Date): BackupInfo {
  const b = createBackup(now);
  return { name: b.name, bytes: b.manifest.database.bytes, createdAt: b.manifest.createdAt };
}

export function autoBackup(now: Date, keep = backupsToKeep()): { name: string | null; pruned: string[] } {
  if (keep === 0) return { name: null, pruned: [] };
  const b = createBackup(now, "auto");
  return { name: b.name, pruned: pruneAutoBackups(keep) };
}

export type RestoreOutcome = { ok: true; result: RestoreResult } | Failure;

export function restoreFrom(source: { bytes: Uint8Array } | { name: string } | { uploadId: string }, now: Date): RestoreOutcome {
  if ("uploadId" in source) {
    // A file sent in chunks: checked whole, restored, and removed either way.
    const up = finishedUpload(source.uploadId);
    if (!up.ok) return up;
    dropUpload(source.uploadId);
    return restoreFrom({ bytes: up.bytes }, now);
  }
  let bytes: Uint8Array;
  if ("name" in source) {
    const file = backupFile(source.name);
    if (!file) return notFound(`backup ${source.name} not found`);
    bytes = readFileSync(file);
  } else bytes = source.bytes;
  try {
    return { ok: true, result: restoreBackup(bytes, now) };
  } catch (e) {
    if (e instanceof RestoreError) return invalid(`${e.message}; nothing was changed`);
    throw e;
  }
}

export { listBackups, backupFile };
export { backupDir } from "../db/backup";
