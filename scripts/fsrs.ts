// `npm run -s fsrs -- <command>`:
//   evaluate <csv> [--timezone ZONE] [--day-start HOUR] [--json]
//       reads a review log in the binding's CSV layout
//       (card_id,review_time,review_rating,review_state,review_duration), builds
//       FSRS items with lib/fsrs-fit (the app's own code) and prints log loss and
//       RMSE(bins) of the FSRS-6 defaults, of parameters fitted on all items
//       (in-sample) and of the time-series split, plus the fitted parameters.
//       Zone defaults to UTC, day start to 4.
//   optimise [--deck KEY] [--apply] [--json]
//       fits FSRS on the app's database (DATABASE_URL, as `npm start`): your
//       reviews and quiz answers, plus imported Anki reviews; prints current vs
//       fitted parameters on the same data, in numbers and words, and the
//       health check. --apply makes the fitted parameters the ones in use.
//       --deck fits on that deck's cards only, for its preset (applied to the deck).
//   history [--json]      parameter sets applied so far (newest first)
//   restore <id>          makes an earlier parameter set the one in use
import { readFileSync } from "node:fs";
import { parseRevlogCsv, CsvError } from "../lib/fsrs-fit/csv";
import { buildTrainingItems } from "../lib/fsrs-fit/items";
import { evaluationReport, type EvaluationReport } from "../lib/fsrs-fit/evaluate-report";
import { isValidTimeZone } from "../lib/srs";
import { databasePath } from "../lib/db/database-path";
import { prepareDatabase } from "../lib/db/prepare";
import { healthIssueInWords, improvementInWords } from "../lib/fsrs-fit/words";
import { exitOnSetupError } from "./lib/setup-steps";

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
  console.error("       npm run -s fsrs -- optimise [--deck KEY] [--apply] [--json] | history [--json] | restore <id>");
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
  const row = (what: string, m: { logLoss: number; rmseBins: number }) => `${what.padEnd(34)} ${m.logLoss.toFixed(4)}   ${m.rmseBins.toFixed(4)}`;
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
  let reviews: ReturnType<typeof parseRevlogCsv>;
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

function openDatabase() {
  try {
    prepareDatabase(databasePath());
  } catch (e) {
    exitOnSetupError(e);
  }
  return import("../lib/services/fsrs-optimise");
}

const f4 = (x: number) => x.toFixed(4);

async function optimiseCommand(args: string[]) {
  const svc = await openDatabase();
  const { flags } = parseArgs(args.filter((a) => a !== "--apply"));
  const deck = flags.get("deck") ?? null;
  const started = await svc.startOptimisation(new Date(), undefined, deck);
  if (started.kind === "not-found") fail(`no deck ${JSON.stringify(deck)}`);
  if (started.kind === "conflict") fail("a fit is already running");
  const health = started.job.health.map(healthIssueInWords);
  if (started.kind === "invalid") {
    if (json) console.log(JSON.stringify({ status: "no-items", items: 0, reviews: started.job.reviews, health: started.job.health }));
    else console.log(["No reviews to learn from yet: a card needs a first review and a review on a later day.", ...health].join("\n"));
    process.exit(1);
  }
  const r = started.job.reviews;
  if (!json)
    process.stderr.write(`fitting on ${r.review} reviews, ${r.quiz} quiz answers, ${r.imported} imported Anki reviews (${started.job.items} items) …\n`);
  const job = (await svc.settled(started.job.id))!;
  if (job.status !== "done" || !job.result) fail(`the fit ${job.status}${job.error ? `: ${job.error}` : ""}`);
  const { current, fitted, parameters } = job.result;
  const applied = args.includes("--apply") ? svc.applyOptimisation(job.id, new Date()) : null;
  if (applied && applied.kind !== "applied") fail(`not applied: ${applied.kind === "conflict" ? applied.reason : applied.kind}`);
  if (json) {
    console.log(
      JSON.stringify({
        status: applied ? "applied" : "fitted",
        items: job.items,
        reviews: job.reviews,
        current,
        fitted,
        parameters,
        health: job.health,
        words: improvementInWords(current, fitted),
      }),
    );
    return;
  }
  console.log(`${"".padEnd(22)} logLoss  RMSE(bins)`);
  console.log(`${(job.currentWeights ? "current parameters" : "current (defaults)").padEnd(22)} ${f4(current.logLoss)}   ${f4(current.rmseBins)}`);
  console.log(`${"fitted parameters".padEnd(22)} ${f4(fitted.logLoss)}   ${f4(fitted.rmseBins)}`);
  console.log(improvementInWords(current, fitted));
  for (const h of health) console.log(`warning: ${h}`);
  console.log(`parameters: ${parameters.map(f4).join(" ")}`);
  console.log(
    applied
      ? `applied (parameter set ${applied.kind === "applied" ? applied.parameterSetId : ""}); \`npm run fsrs -- history\` lists earlier sets`
      : "not applied: run again with --apply to use them",
  );
}

async function historyCommand() {
  const svc = await openDatabase();
  const h = svc.parameterHistory();
  if (json) return console.log(JSON.stringify(h));
  if (h.sets.length === 0) return console.log(`no parameter sets applied yet; in use: ${h.current ? "custom weights" : "FSRS-6 defaults"}`);
  for (const s of h.sets) {
    const fit = s.logLoss !== null ? ` logLoss ${f4(s.logLoss)} RMSE ${f4(s.rmseBins!)} on ${s.items} items` : "";
    console.log(`#${s.id} ${s.appliedAt.toISOString()} ${s.source.padEnd(9)} ${s.weights ? `${s.weights.length} weights` : "FSRS-6 defaults"}${fit}`);
  }
}

async function restoreCommand(args: string[]) {
  const id = Number(args.find((a) => !a.startsWith("--")));
  if (!Number.isInteger(id) || id < 1) usage("restore needs a parameter set id (see `history`)");
  const svc = await openDatabase();
  const r = svc.restoreParameterSet(id, new Date());
  if (r.kind === "not-found") fail(`no parameter set ${id}`);
  console.log(`restored parameter set ${id}: ${r.weights ? r.weights.map(f4).join(" ") : "FSRS-6 defaults"}`);
}

const [command, ...rest] = argv;
switch (command) {
  case "evaluate":
    await evaluateCommand(rest);
    break;
  case "optimise":
  case "optimize":
    await optimiseCommand(rest);
    break;
  case "history":
    await historyCommand();
    break;
  case "restore":
    await restoreCommand(rest);
    break;
  default:
    usage(command ? `unknown command ${command}` : undefined);
}
