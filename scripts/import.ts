// `npm run import -- <file> [--yes] [--json]`: bring an Anki history in from the
// command line — a .colpkg / .apkg or a revlog CSV, as /data takes it. Without
// --yes it prints the summary (reviews, cards, dates, ratings, what is skipped
// and why) and stores nothing; with --yes it imports. A bad file prints one
// line and changes nothing (exit 1).
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { MAX_UPLOAD_FILE_BYTES } from "../lib/api/upload";
import type { ImportSummary } from "../lib/import/revlog";
import { migrateOrExit } from "./lib/setup-steps";

const args = process.argv.slice(2);
const yes = args.includes("--yes");
const json = args.includes("--json");
const files = args.filter((a) => !a.startsWith("--"));
const unknown = args.filter((a) => a.startsWith("--") && a !== "--yes" && a !== "--json");
if (files.length !== 1 || unknown.length > 0) {
  console.error("usage: npm run import -- <file.colpkg|file.apkg|revlog.csv> [--yes] [--json]");
  process.exit(2);
}
const file = files[0] as string;
const name = path.basename(file);
let bytes: Uint8Array;
try {
  const { tooLargeSentence } = await import("../lib/services/uploads");
  const size = statSync(file).size;
  if (size > MAX_UPLOAD_FILE_BYTES) {
    console.error(`import: ${tooLargeSentence(name, size, MAX_UPLOAD_FILE_BYTES)}`);
    process.exit(1);
  }
  bytes = new Uint8Array(readFileSync(file));
} catch (e) {
  console.error(`import: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? e})`);
  process.exit(1);
}
if (json) console.log = console.error; // keep stdout for the JSON (migrateOrExit prints a line)
migrateOrExit();
const { importHistory } = await import("../lib/services/imports");
const r = importHistory(name, bytes, yes, new Date());
if (!r.ok) {
  console.error(`import: ${r.error}; nothing was changed`);
  process.exit(1);
}
if (json) {
  process.stdout.write(`${JSON.stringify({ file: name, imported: yes, importId: r.importId, summary: r.summary }, null, 2)}\n`);
  process.exit(0);
}
const s: ImportSummary = r.summary;
const n = (x: number) => x.toLocaleString("en");
const pct = (x: number) => (s.reviews ? `${Math.round((x / s.reviews) * 100)}%` : "—");
const skipWords: Record<string, string> = {
  manual: "manual reschedules (not answers)",
  cram: "cram / filtered-deck reviews (they do not follow the schedule)",
  rescheduled: "reschedules by Anki's FSRS helper",
  invalid: "unreadable rows",
};
const lines = [
  `${name} (${s.format}): ${n(s.reviews)} reviews of ${n(s.cards)} cards, from ${s.from?.slice(0, 10) ?? "—"} to ${s.to?.slice(0, 10) ?? "—"}`,
  `ratings: Again ${pct(s.ratings.again)} · Hard ${pct(s.ratings.hard)} · Good ${pct(s.ratings.good)} · Easy ${pct(s.ratings.easy)}`,
  ...Object.entries(s.skipped)
    .filter(([, k]) => k > 0)
    .map(([k, c]) => `skipped ${n(c)} ${skipWords[k] ?? k}`),
  yes ? `imported ${n(s.reviews)} reviews as your Anki history (import ${r.importId})` : "nothing stored yet: run again with --yes to import",
];
console.log(lines.join("\n"));
