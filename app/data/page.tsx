// /data: take your data out (history CSVs, whole-collection backups), put a
// backup back, and bring your Anki history in.
import { backupDir, backupsKeepOverridden, backupsToKeep, listBackups } from "@/lib/services/backup";
import { listImports } from "@/lib/services/imports";
import { BackupPanel } from "./backup-panel";
import { ImportPanel } from "./import-panel";

export const dynamic = "force-dynamic";

const link = "rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800";

export default function DataPage() {
  const imports = listImports().map((i) => ({
    id: i.id,
    fileName: i.fileName,
    createdAt: new Date(i.createdAt).toISOString(),
    reviews: i.summary.reviews,
    cards: i.summary.cards,
  }));
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-semibold">Your data</h1>

      <section aria-labelledby="export-h" className="space-y-2">
        <h2 id="export-h" className="text-lg font-medium">
          Export your review history
        </h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Every answer you gave, as CSV. The first layout is what fsrs-rs and the FSRS optimizer read; the second has the columns of Anki&apos;s review log.
        </p>
        <div className="flex flex-wrap gap-2">
          <a className={link} href="/api/v1/export/history?format=fsrs" download data-testid="export-fsrs">
            History for FSRS (CSV)
          </a>
          <a className={link} href="/api/v1/export/history?format=anki" download data-testid="export-anki">
            Anki-style revlog (CSV)
          </a>
        </div>
      </section>

      <BackupPanel initial={listBackups()} keep={backupsToKeep()} keepFromEnv={backupsKeepOverridden()} dir={backupDir()} />

      <ImportPanel imports={imports} />
    </div>
  );
}
