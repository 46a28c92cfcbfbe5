// `npm run -s fsrs -- <command>`:
//   evaluate <csv> [--timezone ZONE] [--day-start HOUR] [--json]
//       reads a review log in the binding's CSV layout
//       (card_id,review_time,review_rating,review_state,review_duration), builds
//       FSRS items with lib/fsrs-fit (the app's own code) and prints log loss and
//       RMSE(bins) of the FSRS-6 defaults, of parameters fitted on all items
//       (in-sample) and of the time-series split, plus the fitted parameters.
//       Zone defaults to UTC, day start to 4.
import { readFileSync } from "node:fs";
import { parseRevlogCsv, CsvError } from "../lib/fsrs-fit/csv";
import { buildTrainingItems } from "../lib/fsrs-fit/items";
import { evaluationReport, type EvaluationReport } from "../lib/fsrs-fit/evaluate-report";
import { isValidTimeZone } from "../lib/srs";

const argv = process.argv.slice(2);
const json = argv.includes("--json");

/** One line on stderr, exit 2: the input was wrong. */
function fail(msg: string): never {
  console.error(`fsrs: ${msg}`);
  process.exit(2);
}

function usage(msg?: string): never {
  if (msg) console.error(`fsrs: ${msg}`);
  console.error("usage: npm run -s fsrs -- evaluate <csv> [--timezone ZONE] [--day-start HOUR] [--json]");
  process.exit(2);
}

/** Value of `--name VALUE` (or `--name=VALUE`); positional arguments are the rest. */
function parseArgs(args: string[]) {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--json") continue;
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      if (eq !== -1) flags.set(a.slice(2, eq), a.slice(eq + 1));
      else {
        const v = args[++i];
        if (v === undefined) usage(`${a} needs a value`);
        flags.set(a.slice(2), v);
      }
    } else positional.push(a);
  }
  return { flags, positional };
}

function printTable(r: EvaluationReport) {
  const row = (what: string, m: { logLoss: number; rmseBins: number }) =>
    `${what.padEnd(34)} ${m.logLoss.toFixed(4)}   ${m.rmseBins.toFixed(4)}`;
  console.log(`${r.items} FSRS items`);
  console.log(`${"".padEnd(34)} logLoss  RMSE(bins)`);
  console.log(row("FSRS-6 defaults", r.default));
  console.log(row("fitted (in-sample)", r.fitted));
  console.log(row("time-series split", r.timeSeriesSplit));
  console.log(`parameters: ${r.parameters.map((p) => p.toFixed(4)).join(" ")}`);
}

async function evaluateCommand(args: string[]) {
  const { flags, positional } = parseArgs(args);
  const [file] = positional;
  if (!file) usage("evaluate needs a CSV file");
  const timeZone = flags.get("timezone") ?? "UTC";
  if (!isValidTimeZone(timeZone)) usage(`not a time zone: ${timeZone}`);
  const hour = Number(flags.get("day-start") ?? "4");
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) usage("--day-start must be a whole hour 0–23");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    fail(`cannot read ${file}: ${(e as Error).message}`);
  }
  let reviews;
  try {
    reviews = parseRevlogCsv(text);
  } catch (e) {
    if (e instanceof CsvError) fail(`${file}:${e.line}: ${e.message}`);
    throw e;
  }
  const items = buildTrainingItems(reviews, { timeZone, dayStartHour: hour });
  if (items.length === 0) fail(`${file}: no FSRS items (every card needs a first review and a later day)`);
  const report = await evaluationReport(items);
  if (json) console.log(JSON.stringify(report));
  else printTable(report);
}

const [command, ...rest] = argv;
switch (command) {
  case "evaluate":
    await evaluateCommand(rest);
    break;
  default:
    usage(command ? `unknown command ${command}` : undefined);
}
