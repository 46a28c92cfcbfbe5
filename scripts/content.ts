// `npm run content -- <command>`:
//   check                   validate every deck under content/ (file:line: message; exit 1 on errors)
//   sync                    check, then write decks, notes and cards into SQLite
//   parse <file> [--json]   what the parser reads from one talk document
//   cards <deck-dir> [--json] the cards generated from one deck folder
//   audit [<deck-dir>…] [--json] check every card of every deck (or of the folders given); exit 1 on an error
//   flags [--json]          the cards learners flagged, with deck, note key and source file:line
import { readFileSync } from "node:fs";
import { parseTalk } from "../lib/content/parse-talk";
import { talkToJson } from "../lib/content/to-json";
import { buildDeck, formatDiagnostic } from "../lib/generate/build-deck";
import { checkContent, syncContentOrExit } from "./lib/sync-step";
import { listDeckDirs } from "../lib/content/load-deck";
import { auditDeck, formatReport } from "../lib/audit/audit";
import { exitOnSetupError, migrateOrExit } from "./lib/setup-steps";

const [command, arg, ...more] = process.argv.slice(2).filter((a) => a !== "--json");
const json = process.argv.includes("--json");
const CONTENT_DIR = process.env.CONTENT_DIR ?? "content";

switch (command) {
  case "check": {
    const { ok } = checkContent(CONTENT_DIR, { verbose: true });
    process.exit(ok ? 0 : 1);
    break;
  }
  case "sync":
    migrateOrExit();
    await syncContentOrExit(CONTENT_DIR);
    break;
  case "parse": {
    if (!arg) usage();
    const parsed = talkToJson(parseTalk(readFileSync(arg, "utf8"), arg));
    if (json) console.log(JSON.stringify(parsed, null, 2));
    else {
      console.log(`${parsed.tldr.length} TL;DR points, ${parsed.takeaways.length} takeaways, ${parsed.terms.length} terms`);
      for (const t of parsed.terms) console.log(`- ${t.term}${t.expansion ? ` (${t.expansion})` : ""}: ${t.definition}`);
      for (const d of parsed.diagnostics) console.log(formatDiagnostic(d));
    }
    break;
  }
  case "cards": {
    if (!arg) usage();
    const built = buildDeck(arg);
    if (json) {
      const cards = built.cards.map((c) => ({
        note: c.noteKey,
        kind: c.kind,
        format: c.format,
        topic: c.topic,
        prompt: c.prompt,
        answer: c.answer,
        options: c.options ?? null,
        items: c.items ?? null,
        ...(c.alternatives?.length ? { alternatives: c.alternatives } : {}),
        ...(c.synonyms ? { synonyms: c.synonyms } : {}),
        source: c.source,
      }));
      console.log(JSON.stringify({ deck: built.content.meta.key, cards, diagnostics: built.diagnostics }, null, 2));
    } else {
      for (const c of built.cards) console.log(`[${c.kind}] ${c.prompt}\n    → ${c.answer}`);
      for (const d of built.diagnostics) console.log(formatDiagnostic(d));
    }
    break;
  }
  case "audit": {
    const dirs = arg ? [arg, ...more] : listDeckDirs(CONTENT_DIR);
    const reports = dirs.map((dir) => {
      const built = buildDeck(dir);
      return auditDeck(built.content.meta.key, built.content.items, built.content.talk?.transcript ?? "", built.cards);
    });
    if (json) console.log(JSON.stringify(reports, null, 2));
    else for (const r of reports) console.log(formatReport(r).join("\n"));
    const errors = reports.reduce((n, r) => n + r.checks.reduce((m, c) => m + c.errors, 0), 0);
    const warnings = reports.reduce((n, r) => n + r.checks.reduce((m, c) => m + c.warnings, 0), 0);
    if (!json) console.log(`content:audit: ${reports.length} deck(s), ${errors} error(s), ${warnings} warning(s)`);
    process.exit(errors > 0 || reports.length === 0 ? 1 : 0);
    break;
  }
  case "flags": {
    // Migrated quietly: stdout is the JSON.
    const { prepareDatabase } = await import("../lib/db/prepare");
    const { databasePath } = await import("../lib/db/database-path");
    try {
      prepareDatabase(databasePath());
    } catch (e) {
      exitOnSetupError(e);
    }
    const { flagReports } = await import("../lib/db/flags");
    const flags = flagReports();
    if (json) console.log(JSON.stringify(flags, null, 2));
    else if (flags.length === 0) console.log("no flagged cards");
    else for (const f of flags) console.log(`${f.source}: ${f.reason}: ${f.deck} ${f.noteKey} [${f.kind}] ${f.note ? `— ${f.note}` : ""}\n    ${f.prompt}`);
    break;
  }
  default:
    usage();
}

function usage(): never {
  console.error("usage: npm run -s content -- check | sync | audit [<deck-dir>…] [--json] | parse <file> [--json] | cards <deck-dir> [--json]");
  console.error("usage: npm run -s content -- check | sync | parse <file> [--json] | cards <deck-dir> [--json] | flags [--json]");
  process.exit(2);
}
