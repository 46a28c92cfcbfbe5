"use client";
// Backups: make one now, download or restore a saved one, or restore from a
// file. A restore replaces the collection, so it asks first; the collection
// it replaces is always kept as a backup of its own.
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { BackupInfo } from "@/lib/db/backup";
import { callApi } from "@/app/api-client";
import { Progress, sendInChunks } from "./upload";

const btn = "rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";
const size = (b: number) => (b > 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(b / 1024))} KB`);

type Restored = { restored?: { createdAt: string; counts: Record<string, number>; migrated: string[] }; safetyBackup?: string; error?: string };

export function BackupPanel({ initial, keep, keepFromEnv, dir }: { initial: BackupInfo[]; keep: number; keepFromEnv: boolean; dir: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ label: string; value: number | null } | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: "ok" | "error" } | null>(null);
  const [file, setFile] = useState<File | null>(null);

  const done = (r: Restored, ok: boolean) => {
    setBusy(false);
    setProgress(null);
    if (!ok || !r.restored) return setMessage({ text: r.error ?? "the restore failed", tone: "error" });
    const c = r.restored.counts;
    setMessage({
      text: `Restored the backup of ${new Date(r.restored.createdAt).toLocaleString("en-GB")}: ${c.Card ?? 0} cards, ${c.ReviewLog ?? 0} reviews${r.restored.migrated.length ? ` (brought up to date: ${r.restored.migrated.length} migration(s))` : ""}. Your collection as it was is kept as ${r.safetyBackup}.`,
      tone: "ok",
    });
    router.refresh();
  };

  const backUp = async () => {
    setBusy(true);
    setMessage(null);
    const r = await callApi<{ backup?: BackupInfo }>("/api/v1/backups", {});
    setBusy(false);
    if (!r.ok || !r.data.backup) return setMessage({ text: r.ok ? "the backup failed" : r.message, tone: "error" });
    setMessage({ text: `Backed up: ${r.data.backup.name}`, tone: "ok" });
    router.refresh();
  };

  const restoreSaved = async (name: string) => {
    if (!window.confirm(`Replace your whole collection with the backup ${name}? Your collection as it is now is kept as a backup first.`)) return;
    setBusy(true);
    setMessage(null);
    setProgress({ label: "Checking and restoring…", value: null });
    const r = await callApi<Restored>("/api/v1/backups/restore", { name });
    done(r.ok ? r.data : { error: r.message }, r.ok);
  };

  const restoreFile = async () => {
    if (!file) return;
    if (!window.confirm(`Replace your whole collection with ${file.name}? Your collection as it is now is kept as a backup first.`)) return;
    setBusy(true);
    setMessage(null);
    // In chunks (docs/decisions/0070): a backup of a long history is larger than one request may be.
    const sent = await sendInChunks(file, (f) => setProgress({ label: `Uploading ${file.name}… ${Math.round(f * 100)}%`, value: f }));
    if (!sent.ok) return done({ error: sent.error }, false);
    setProgress({ label: "Checking and restoring…", value: null });
    const r = await callApi<Restored>("/api/v1/backups/restore", { uploadId: sent.uploadId });
    done(r.ok ? r.data : { error: r.error }, r.ok);
  };

  return (
    <section aria-labelledby="backup-h" className="space-y-3">
      <h2 id="backup-h" className="text-lg font-medium">
        Back up and restore
      </h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        A backup is one .zip with your whole collection and a manifest (app version, migrations, row counts, checksum). Cardinal also backs up on every start
        and keeps the newest {keep} of those (
        {keepFromEnv ? (
          <>
            set by <code>CARDINAL_BACKUPS_KEEP</code>
          </>
        ) : (
          <a className="underline" href="/settings#backupsKeep">
            change it in Settings
          </a>
        )}
        ). Saved in <code className="break-all">{dir}</code>.
      </p>
      <button type="button" className={btn} disabled={busy} onClick={backUp} data-testid="backup-now">
        Back up now
      </button>

      {initial.length > 0 ? (
        <ul className="divide-y divide-stone-200 rounded border border-stone-200 text-sm dark:divide-stone-800 dark:border-stone-800" data-testid="backups">
          {initial.slice(0, 20).map((b) => (
            <li key={b.name} className="flex flex-wrap items-center gap-2 px-2 py-1.5">
              <span className="min-w-0 flex-1 break-all font-mono text-xs">{b.name}</span>
              <span className="text-xs text-stone-500">{size(b.bytes)}</span>
              <a className="underline" href={`/api/v1/backups/${encodeURIComponent(b.name)}`} download>
                download
              </a>
              <button type="button" className="underline disabled:opacity-50" disabled={busy} onClick={() => restoreSaved(b.name)}>
                restore
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">No backups yet.</p>
      )}

      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm">
          Restore from a backup file
          <input
            type="file"
            accept=".zip,application/zip"
            className="text-sm"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="restore-file"
          />
        </label>
        <button type="button" className={btn} disabled={busy || !file} onClick={restoreFile} data-testid="restore">
          Restore
        </button>
      </div>
      {progress && <Progress label={progress.label} value={progress.value} />}
      {message && (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          data-testid="backup-message"
          className={`text-sm ${message.tone === "error" ? "text-red-700 dark:text-red-400" : "text-green-800 dark:text-green-300"}`}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
