// npm run bench                 table (10k and 100k cards, 1M review logs each)
// npm run bench -- --json       the same as JSON on stdout
// npm run bench -- --quick      small collection, few iterations: a smoke run
// npm run bench -- --profile    also time each step of the answer path and of the
//                               queue fetch (done anyway for one that misses its target)
// npm run bench -- --fsrs-only  only the FSRS rows (fit on 41,847 reviews, simulator)
// (npm prints its own "> cardinal bench" header; use `npm run -s bench -- --json` for pure JSON)
//
// Each collection is a fresh SQLite file in a temp folder, migrated by the
// app's own runner and bulk-filled; all files are removed at the end.
// Progress goes to stderr so that --json leaves stdout parseable.
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { seed } from "./bench/seed";
import { pick, rng } from "./bench/rng";
import { time, timePair } from "./bench/measure";
import { answerPath, floorPath, queueFetch } from "./bench/paths";
import { profileAnswer, profileTable, type Profile } from "./bench/profile";
import { profileQueue } from "./bench/profile-queue";
import { loadGetStats } from "./bench/stats";
import { httpAnswerPath } from "./bench/http-answer";
import { sizeLabel, table, type Row } from "./bench/report";
import { benchFit } from "./bench/fsrs-fit";
import { benchSimulate } from "./bench/simulate";
import { PAGE_JS_BUDGET_KB, pageJs } from "./bench/page-js";
import { timeBrowse, timeBulkSuspend, varyTexts } from "./bench/browse";
import { benchImportsAlone, importRows } from "./bench/imports";
import { walPagesPerCall } from "./bench/wal-pages";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const quick = args.includes("--quick");
const wantProfile = args.includes("--profile");
const fsrsOnly = args.includes("--fsrs-only");
const importOnly = args.includes("--import-only");

const FIT_PLAN = quick ? { warmup: 1, iterations: 3 } : { warmup: 2, iterations: 9 };
const SIZES =
  fsrsOnly || importOnly
    ? []
    : quick
      ? [{ cards: 2_000, logs: 50_000 }]
      : [
          { cards: 10_000, logs: 1_000_000 },
          { cards: 100_000, logs: 1_000_000 },
        ];
const PLAN = quick ? { warmup: 10, iterations: 50 } : { warmup: 100, iterations: 300 };
// A queue fetch or getStats call costs 10–1000× an answer: fewer warm-ups suffice.
const QUEUE_PLAN = quick ? PLAN : { warmup: 20, iterations: 200 };
const STATS_PLAN = quick ? { warmup: 2, iterations: 10 } : { warmup: 5, iterations: 200 };
const STATS_DECK_PLAN = quick ? STATS_PLAN : { warmup: 3, iterations: 50 };
const TARGET = { ratio: 3, queueP95: 20, statsP50: 300, pageP50: 150, browseP95: 50, bulkSuspend: 1000, import40k: 3000, httpP95: 25 };
const IMPORT_PLAN = quick ? { warmup: 0, iterations: 2 } : { warmup: 1, iterations: 5 };
const BROWSE_PLAN = quick ? { warmup: 8, iterations: 40 } : { warmup: 16, iterations: 200 };
const BULK_PLAN = quick ? { warmup: 1, iterations: 3 } : { warmup: 2, iterations: 10 };
const HTTP_PLAN = quick ? PLAN : { warmup: 50, iterations: 300 };
const NOW = new Date(); // one instant for the whole run: every timed call sees the same "today"

const dir = path.join(os.tmpdir(), `cardinal-bench-${process.pid}`);
const cleanup = () => rmSync(dir, { recursive: true, force: true });
process.on("SIGINT", () => {
  cleanup();
  process.exit(130);
});
const progress = (msg: string) => process.stderr.write(`${msg}\n`);

const rows: Row[] = [];
const setup: { size: string; ms: number }[] = [];
const profiles: { what: string; size: string; profile: Profile }[] = [];
const getStats = await loadGetStats();
// Other work on this 2-core machine (tests, builds) inflates every figure; the load average says how much.
const loadAtStart = os.loadavg()[0]!;

try {
  mkdirSync(dir, { recursive: true });
  for (const [k, size] of SIZES.entries()) {
    const label = sizeLabel(size.cards, size.logs);
    const file = path.join(dir, `bench-${size.cards}.db`);
    progress(`setup ${label} …`);
    const seeded = seed(file, { ...size, now: NOW.getTime() });
    setup.push({ size: label, ms: seeded.ms });
    progress(`setup ${label}: ${(seeded.ms / 1000).toFixed(1)} s`);

    // lib/db opens databasePath() lazily and reopens when DATABASE_URL
    // changes; importing only after setting it keeps any module-level use safe.
    process.env.DATABASE_URL = `file:${file}`;
    const { sqlite } = await import("../lib/db/sqlite");
    const review = await import("../lib/services/review");
    const queue = await import("../lib/services/queue");

    // Distinct due review cards for each timed call, so no call answers a card twice.
    const need = PLAN.warmup + PLAN.iterations;
    const httpNeed = HTTP_PLAN.warmup + HTTP_PLAN.iterations;
    const walNeed = 2 * PLAN.iterations;
    const ids = pick(seeded.dueReviewIds, 3 * need + httpNeed + walNeed, rng(7));
    if (ids.length < 3 * need + httpNeed + walNeed) throw new Error(`only ${ids.length} due review cards; need ${3 * need + httpNeed + walNeed}`);

    // Queue first, while "today" has no answers yet: the full daily budget is fetched.
    progress(`queue fetch ${label} …`);
    const q = await time(QUEUE_PLAN, queueFetch(queue, seeded.deckId, NOW));
    rows.push({
      what: "queue fetch (getQueue, one deck)",
      size: label,
      ...q,
      unit: "ms",
      target: `p95 < ${TARGET.queueP95} ms`,
      result: q.p95 < TARGET.queueP95 ? "PASS" : "FAIL",
    });
    // /review without ?deck= asks for all decks (deckId null): different SQL, different indexes.
    const qAll = await time(QUEUE_PLAN, queueFetch(queue, null, NOW));
    rows.push({
      what: "queue fetch (getQueue, all decks)",
      size: label,
      ...qAll,
      unit: "ms",
      target: `p95 < ${TARGET.queueP95} ms`,
      result: qAll.p95 < TARGET.queueP95 ? "PASS" : "FAIL",
    });

    for (const [deckId, p95, what] of [
      [seeded.deckId, q.p95, "queue fetch, one deck"],
      [null, qAll.p95, "queue fetch, all decks"],
    ] as const) {
      if (wantProfile || p95 >= TARGET.queueP95) {
        progress(`profiling the ${what} ${label} …`);
        profiles.push({ what, size: label, profile: await profileQueue(deckId, NOW, { warmup: 5, iterations: quick ? 10 : 50 }) });
      }
    }

    progress(`answer path vs floor ${label} …`);
    const [ans, floor] = timePair(PLAN, answerPath(review, ids.slice(0, need), NOW), floorPath(sqlite(), ids.slice(need, 2 * need), NOW));
    const ratio = ans.p50 / floor.p50;
    rows.push({ what: "answer path (answerCard)", size: label, ...ans, unit: "ms", target: "", result: "" });
    rows.push({ what: "floor (ts-fsrs next + raw UPDATE/INSERT)", size: label, ...floor, unit: "ms", target: "", result: "" });
    rows.push({
      what: "answer / floor (p50)",
      size: label,
      p50: ratio,
      p95: null,
      unit: "x",
      target: `≤ ${TARGET.ratio}×`,
      result: ratio <= TARGET.ratio ? "PASS" : "FAIL",
    });

    // Counted, not timed: the pages each answer writes (every index it updates), beside the floor's.
    const walIds = ids.slice(3 * need + httpNeed);
    const n = PLAN.iterations;
    const pages = walPagesPerCall(sqlite(), file, answerPath(review, walIds.slice(0, n), NOW, "wal"), n);
    const floorPages = walPagesPerCall(sqlite(), file, floorPath(sqlite(), walIds.slice(n), NOW, "wal-floor"), n);
    rows.push({ what: "WAL pages written per answer (answerCard, mean)", size: label, p50: pages, p95: null, unit: "pages", target: "", result: "" });
    rows.push({ what: "WAL pages written per floor write (mean)", size: label, p50: floorPages, p95: null, unit: "pages", target: "", result: "" });

    if (wantProfile || ratio > TARGET.ratio) {
      progress(`profiling the answer path ${label} …`);
      profiles.push({ what: "answer path", size: label, profile: await profileAnswer(ids.slice(2 * need, 3 * need), NOW, PLAN.warmup) });
    }

    if (k === SIZES.length - 1) {
      progress(`answer → next card over HTTP ${label} …`);
      const http = await httpAnswerPath(ids.slice(3 * need, 3 * need + httpNeed), "bench");
      const h = await time(HTTP_PLAN, http.call);
      await http.close();
      rows.push({
        what: "answer → next card over HTTP (POST /api/v1/reviews, reply with next cards)",
        size: label,
        ...h,
        unit: "ms",
        target: `p95 ≤ ${TARGET.httpP95} ms`,
        result: h.p95 <= TARGET.httpP95 ? "PASS" : "FAIL",
      });
    }

    if (k === SIZES.length - 1) {
      progress(`browse: varied card texts ${label} …`);
      progress(`browse: texts set in ${((await varyTexts()) / 1000).toFixed(1)} s`);
      progress(`browse search + filter ${label} …`);
      const b = await timeBrowse(BROWSE_PLAN, NOW);
      rows.push({
        what: "browse search + filter (browseCards, 8 queries)",
        size: label,
        ...b,
        unit: "ms",
        target: `p95 ≤ ${TARGET.browseP95} ms`,
        result: b.p95 <= TARGET.browseP95 ? "PASS" : "FAIL",
      });
      progress(`bulk suspend ${label} …`);
      const bulk = await timeBulkSuspend(BULK_PLAN, NOW, quick ? 1_000 : 10_000);
      rows.push({
        what: `bulk suspend of ${quick ? "1,000" : "10,000"} cards (one action)`,
        size: label,
        ...bulk,
        unit: "ms",
        target: `≤ ${TARGET.bulkSuspend} ms`,
        result: bulk.p95 <= TARGET.bulkSuspend ? "PASS" : "FAIL",
      });
      progress(`Anki import ${label} …`);
      process.env.UPLOAD_DIR = path.join(dir, "uploads");
      rows.push(...(await importRows(IMPORT_PLAN, NOW, label, quick ? 4_000 : 40_000)));
      if (getStats) {
        progress(`stats ${label} …`);
        const s = await time(STATS_PLAN, () => getStats({ now: NOW }));
        rows.push({
          what: "stats (getStats, all decks)",
          size: label,
          ...s,
          unit: "ms",
          target: `p50 < ${TARGET.statsP50} ms`,
          result: s.p50 < TARGET.statsP50 ? "PASS" : "FAIL",
        });
        // The collection has one deck, so its cards are one range of ids: the deck's answers are found
        // like all decks' (lib/db/stats-queries.ts, DeckLogFilter), plus the deck's own checks.
        const s1 = await time(STATS_DECK_PLAN, () => getStats({ now: NOW, deckKey: "bench" }));
        rows.push({
          what: "stats (getStats, one deck)",
          size: label,
          ...s1,
          unit: "ms",
          target: `p50 < ${TARGET.statsP50} ms`,
          result: s1.p50 < TARGET.statsP50 ? "PASS" : "FAIL",
        });
        // What /progress runs on the server before rendering (lib/services/progress-page.ts: decks + getStats).
        const { getProgressPage } = await import("../lib/services/progress-page");
        const pAll = await time(STATS_PLAN, () => getProgressPage({ now: NOW }));
        rows.push({
          what: "/progress data (getProgressPage, all decks)",
          size: label,
          ...pAll,
          unit: "ms",
          target: `p50 ≤ ${TARGET.pageP50} ms`,
          result: pAll.p50 <= TARGET.pageP50 ? "PASS" : "FAIL",
        });
        const pOne = await time(STATS_DECK_PLAN, () => getProgressPage({ now: NOW, deckKey: "bench" }));
        rows.push({
          what: "/progress data (getProgressPage, one deck)",
          size: label,
          ...pOne,
          unit: "ms",
          target: `p50 ≤ ${TARGET.pageP50} ms`,
          result: pOne.p50 <= TARGET.pageP50 ? "PASS" : "FAIL",
        });
        await (await import("../lib/db/client")).db().$disconnect(); // getStats reads through Prisma
      } else {
        rows.push({
          what: "stats (getStats)",
          size: label,
          p50: null,
          p95: null,
          unit: "ms",
          target: `p50 < ${TARGET.statsP50} ms`,
          result: "SKIPPED",
          note: "lib/stats with getStats() not found; scripts/bench/stats.ts picks it up once it exists",
        });
      }
    }
    sqlite().close(); // before the file goes; the next size opens its own
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  }
  if (importOnly) rows.push(...(await benchImportsAlone(dir, IMPORT_PLAN, NOW, progress)));
  else {
    rows.push(...(await benchFit(dir, FIT_PLAN, progress)));
    rows.push(
      ...(await benchSimulate(quick ? { warmup: 1, iterations: 3 } : { warmup: 2, iterations: 10 }, { warmup: 1, iterations: quick ? 1 : 3 }, progress)),
    );
  }
} finally {
  cleanup();
}

// The pages' JavaScript, from the last `next build` (no build: the row says so). The budget is on everything a
// page loads, lazily loaded chunks included.
for (const route of ["/progress", "/cards/[id]", "/settings"]) {
  const js = pageJs(route);
  rows.push(
    js
      ? {
          what: `${route} JavaScript, gzipped, all it loads`,
          size: "build",
          p50: js.totalGzipKb,
          p95: null,
          unit: "kB",
          target: `≤ ${PAGE_JS_BUDGET_KB} kB`,
          result: js.totalGzipKb <= PAGE_JS_BUDGET_KB ? "PASS" : "FAIL",
          note: `${js.files.length} files before it is interactive (${js.gzipKb.toFixed(1)} kB)${js.lazyFiles.length > 0 ? ` + ${js.lazyFiles.length} lazy chunks (${js.lazyGzipKb.toFixed(1)} kB)` : ", no lazy chunks"}`,
        }
      : {
          what: `${route} JavaScript, gzipped, all it loads`,
          size: "build",
          p50: null,
          p95: null,
          unit: "kB",
          target: `≤ ${PAGE_JS_BUDGET_KB} kB`,
          result: "SKIPPED",
          note: "no .next build: run npx next build first",
        },
  );
}

const machine = {
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? "?",
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  loadAverage1m: { start: loadAtStart, end: os.loadavg()[0]! },
};
if (asJson) {
  console.log(
    JSON.stringify(
      {
        now: NOW.toISOString(),
        quick,
        machine,
        plan: PLAN,
        queuePlan: QUEUE_PLAN,
        statsPlan: STATS_PLAN,
        statsDeckPlan: STATS_DECK_PLAN,
        setup,
        rows,
        profiles,
      },
      null,
      2,
    ),
  );
} else {
  console.log(`Cardinal bench — ${machine.cpus} × ${machine.cpu}, Node ${machine.node}${quick ? " (--quick)" : ""}`);
  console.log(`load average (1 min): ${machine.loadAverage1m.start.toFixed(1)} at start, ${machine.loadAverage1m.end.toFixed(1)} at end`);
  const plans = [
    ["answer/floor", PLAN],
    ["queue", QUEUE_PLAN],
    ["stats", STATS_PLAN],
    ["stats one deck", STATS_DECK_PLAN],
  ] as const;
  console.log(`timed iterations after warm-up: ${plans.map(([w, p]) => `${w} ${p.iterations} after ${p.warmup}`).join(", ")}`);
  for (const s of setup) console.log(`setup ${s.size}: ${(s.ms / 1000).toFixed(1)} s (migrate + bulk insert)`);
  console.log("");
  console.log(table(rows));
  for (const p of profiles) console.log(`\n${p.what}, step by step (${p.size}):\n${profileTable(p.profile)}`);
}
