"use client";
// Bring your Anki history: pick a .colpkg / .apkg or a revlog CSV, see what
// it holds (reviews, cards, dates, ratings, what is skipped and why), then
// confirm. The reviews are kept as imported history, apart from Cardinal's own.
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ImportSummary } from "@/lib/import/revlog";
import { callApi, deleteApi } from "@/app/api-client";
import { Progress, sendInChunks } from "./upload";

const btn = "rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";
const SKIPS: Record<string, string> = {
  manual: "manual reschedules (not answers)",
  cram: "cram / filtered-deck reviews (they do not follow the schedule)",
  rescheduled: "reschedules by Anki's FSRS helper",
  invalid: "unreadable rows",
};
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");
const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : "—");

type Imported = { id: number; fileName: string; createdAt: string; reviews: number; cards: number };

export function ImportPanel({ imports }: { imports: Imported[] }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  // The file as the server holds it (sent in chunks), between the summary and the confirm.
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [progress, setProgress] = useState<{ label: string; value: number | null } | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: "ok" | "error" } | null>(null);
  const busy = progress !== null;

  const fail = (text: string) => {
    setProgress(null);
    setSummary(null);
    setUploadId(null);
    setMessage({ text, tone: "error" });
  };

  const forget = () => {
    if (uploadId) void deleteApi(`/api/v1/uploads/${uploadId}`);
    setUploadId(null);
    setSummary(null);
  };

  const read = async () => {
    if (!file) return;
    forget();
    setMessage(null);
    setProgress({ label: `Uploading ${file.name}… 0%`, value: 0 });
    const sent = await sendInChunks(file, (f) => setProgress({ label: `Uploading ${file.name}… ${Math.round(f * 100)}%`, value: f }));
    if (!sent.ok) return fail(sent.error);
    setProgress({ label: `Reading the reviews in ${file.name}…`, value: null });
    const r = await callApi<{ summary: ImportSummary }>("/api/v1/imports", { uploadId: sent.uploadId });
    if (!r.ok) return fail(r.error);
    setProgress(null);
    setUploadId(sent.uploadId);
    setSummary(r.data.summary);
  };

  const confirm = async () => {
    if (!file || !uploadId || !summary) return;
    setProgress({ label: `Importing ${summary.reviews.toLocaleString("en")} reviews…`, value: null });
    const r = await callApi<{ summary: ImportSummary }>("/api/v1/imports", { uploadId, confirm: true });
    if (!r.ok) return fail(r.error);
    const s = r.data.summary;
    setProgress(null);
    setSummary(null);
    setUploadId(null);
    setFile(null);
    setMessage({ text: `Imported ${s.reviews.toLocaleString("en")} reviews of ${s.cards.toLocaleString("en")} cards from ${file.name}.`, tone: "ok" });
    router.refresh();
  };

  const skipped = summary ? Object.entries(summary.skipped).filter(([, n]) => n > 0) : [];
  return (
    <section aria-labelledby="import-h" className="space-y-3">
      <h2 id="import-h" className="text-lg font-medium">
        Bring your Anki history
      </h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        An Anki collection export (.colpkg, or a deck package .apkg with scheduling) or a review-log CSV. Your Anki reviews are kept as imported history, apart
        from Cardinal&apos;s own, to fit the memory model to how you remember. Files up to 200 MiB (export a collection without media).
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm">
          Anki file
          <input
            type="file"
            accept=".colpkg,.apkg,.csv,text/csv,application/zip"
            className="text-sm"
            data-testid="import-file"
            onChange={(e) => {
              forget();
              setFile(e.target.files?.[0] ?? null);
              setMessage(null);
            }}
          />
        </label>
        <button type="button" className={btn} disabled={!file || busy} onClick={read} data-testid="import-read">
          Read file
        </button>
      </div>
      {progress && <Progress label={progress.label} value={progress.value} />}

      {summary && (
        <div className="space-y-2 rounded border border-stone-300 p-3 text-sm dark:border-stone-700" data-testid="import-summary">
          <p>
            <strong>{summary.reviews.toLocaleString("en")}</strong> reviews of <strong>{summary.cards.toLocaleString("en")}</strong> cards, from{" "}
            {day(summary.from)} to {day(summary.to)}.
          </p>
          <p>
            Again {pct(summary.ratings.again, summary.reviews)} · Hard {pct(summary.ratings.hard, summary.reviews)} · Good{" "}
            {pct(summary.ratings.good, summary.reviews)} · Easy {pct(summary.ratings.easy, summary.reviews)}
          </p>
          {skipped.length > 0 ? (
            <ul className="list-disc pl-5" data-testid="import-skipped">
              {skipped.map(([k, n]) => (
                <li key={k}>
                  skipped {n.toLocaleString("en")} {SKIPS[k]}
                </li>
              ))}
            </ul>
          ) : (
            <p>Nothing skipped.</p>
          )}
          <div className="flex gap-2">
            <button
              type="button"
              className="rounded bg-red-700 px-3 py-1.5 text-white hover:bg-red-800 disabled:opacity-50"
              disabled={busy}
              onClick={confirm}
              data-testid="import-confirm"
            >
              Import {summary.reviews.toLocaleString("en")} reviews
            </button>
            <button type="button" className={btn} disabled={busy} onClick={forget}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {message && (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          data-testid="import-message"
          className={`text-sm ${message.tone === "error" ? "text-red-700 dark:text-red-400" : "text-green-800 dark:text-green-300"}`}
        >
          {message.text}
        </p>
      )}
      {imports.length > 0 && (
        <div>
          <h3 className="text-sm font-medium">Imported so far</h3>
          <ul className="text-sm" data-testid="imports">
            {imports.map((i) => (
              <li key={i.id}>
                {i.fileName}: {i.reviews.toLocaleString("en")} reviews of {i.cards.toLocaleString("en")} cards, imported {day(i.createdAt)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
