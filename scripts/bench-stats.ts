// Benchmark of lib/stats getStats on a large collection: 100k cards and 1M
// review logs in a fresh SQLite file under /tmp, then getStats 20 times (all
// decks and one deck) and prints p50/p95. Usage:
//   npx tsx scripts/bench-stats.ts [--reuse] [--runs 20] [--file /tmp/x.db]
// --reuse keeps an existing bench file instead of regenerating it (the data
// are deterministic, so this is only a time saver).
import { existsSync, rmSync } from "node:fs";
import os from "node:os";
import Database from "better-sqlite3";
import { prepareDatabase } from "../lib/db/prepare";
import { createClient } from "../lib/db/client";
import { getStats } from "../lib/stats";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : dflt;
};

const FILE = option("--file", "/tmp/cardinal-bench-stats.db");
const RUNS = Number(option("--runs", "20"));
const CARDS = 100_000;
const LOGS = 1_000_000;
const NOW = new Date("2026-06-15T10:00:00Z");
const TZ = "Europe/Berlin";
const DAY = 86_400_000;
const DECKS = [
  { key: "alpha", title: "Alpha", share: 0.5 },
  { key: "beta", title: "Beta", share: 0.3 },
  { key: "gamma", title: "Gamma", share: 0.2 },
];
const TOPICS = ["vocabulary", "takeaways", "pipeline"];

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(file: string) {
  rmSync(file, { force: true });
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  prepareDatabase(file);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const r = rng(42);
  const now = NOW.getTime();
  const t0 = performance.now();

  const insDeck = db.prepare(`INSERT INTO Deck (key, title, sourceFile, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`);
  const insNote = db.prepare(
    `INSERT INTO Note (deckId, key, kind, topic, fields, sourceQuote, sourceLine, retired, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const insCard = db.prepare(
    `INSERT INTO Card (noteId, deckId, kind, payload, position, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review, suspended, buriedUntil, leech, retired, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
  );
  const insLog = db.prepare(
    `INSERT INTO ReviewLog (cardId, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, learning_steps, reviewedAt, durationMs, source, reviewId, snapshot)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
  );

  db.transaction(() => {
    const created = now - 400 * DAY;
    const deckIds: number[] = [];
    for (const d of DECKS) deckIds.push(Number(insDeck.run(d.key, d.title, `content/${d.key}/talk.md`, created, created).lastInsertRowid));
    const payload = JSON.stringify({
      prompt: "What does RLHF stand for, and at which stage of training is it applied?",
      answer: "Reinforcement learning from human feedback; during fine-tuning, after pre-training.",
    });
    let cardId = 0;
    for (let di = 0; di < DECKS.length; di++) {
      const n = Math.round(CARDS * DECKS[di]!.share);
      for (let i = 0; i < n; i += 2) {
        const topic = TOPICS[Math.floor(r() * TOPICS.length)]!;
        const noteId = Number(
          insNote.run(deckIds[di]!, `note-${di}-${i}`, "term", topic, `{"term":"t${i}","definition":"d${i}"}`, "a quote from the talk", i, created, created)
            .lastInsertRowid,
        );
        for (const kind of ["forward", "reverse"]) {
          if (cardId >= CARDS) break;
          cardId++;
          const u = r();
          const state = u < 0.2 ? 0 : u < 0.25 ? 1 : u < 0.95 ? 2 : 3;
          const stability = state === 0 ? 0 : Math.exp(r() * 6 - 1); // 0.37 .. 150 days
          const difficulty = state === 0 ? 0 : 1 + r() * 9;
          const last = state === 0 ? null : now - Math.floor(r() * 365 * DAY);
          const sched = state === 2 ? Math.max(1, Math.round(stability)) : 0;
          const due = state === 0 ? created : state === 2 ? last! + sched * DAY : last! + 600_000;
          const lapses = state === 0 ? 0 : Math.floor(r() * r() * 10);
          const leech = lapses >= 8 ? 1 : 0;
          const suspended = leech || r() < 0.02 ? 1 : 0;
          const retired = r() < 0.01 ? 1 : 0;
          insCard.run(noteId, deckIds[di]!, kind, payload, i, due, stability, difficulty, 0, sched, state === 0 ? 0 : 1 + lapses, lapses, state, last, suspended, leech, retired, created, created);
        }
      }
    }
    // Logs, in chronological order (as the app appends them).
    const times: number[] = new Array(LOGS);
    for (let i = 0; i < LOGS; i++) times[i] = now - Math.floor(r() * 365 * DAY);
    times.sort((a, b) => a - b);
    for (let i = 0; i < LOGS; i++) {
      const at = times[i]!;
      const card = 1 + Math.floor(r() * CARDS);
      const u = r();
      const rating = u < 0.12 ? 1 : u < 0.2 ? 2 : u < 0.92 ? 3 : 4;
      const v = r();
      const state = v < 0.05 ? 0 : v < 0.15 ? 1 : v < 0.9 ? 2 : 3;
      const sched = state === 2 ? 1 + Math.floor(r() * r() * 90) : 0;
      const s = 1 + r() * 50;
      const d = 1 + r() * 9;
      const snapshot = JSON.stringify({
        id: card, due: at - sched * DAY, stability: s, difficulty: d, elapsed_days: sched, scheduled_days: sched, learning_steps: 0,
        reps: 5, lapses: 1, state, last_review: at - sched * DAY, suspended: false, buriedUntil: null, leech: false,
      });
      insLog.run(card, rating, state, at - sched * DAY, s, d, sched, sched, sched, at, 2000 + Math.floor(r() * 18000), r() < 0.85 ? "review" : "quiz", `bench-${i}`, snapshot);
    }
    db.prepare(`INSERT INTO Settings (id, desiredRetention, dayStartHour, timezone, updatedAt) VALUES (1, 0.9, 4, ?, ?)`).run(TZ, now);
  })();
  db.exec("ANALYZE");
  db.close();
  console.log(`generated ${CARDS} cards, ${LOGS} logs in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${file}`);
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function time(label: string, run: () => Promise<unknown>) {
  await run(); // warm-up: page cache, prepared statements, time-zone tables
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await run();
    const used = process.cpuUsage(c);
    ms.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  // CPU time is shown too: on a busy machine wall time includes waiting for a core.
  console.log(
    `${label.padEnd(22)} p50 ${percentile(ms, 50).toFixed(1)} ms   p95 ${percentile(ms, 95).toFixed(1)} ms   ` +
      `(cpu p50 ${percentile(cpu, 50).toFixed(1)} ms, n=${RUNS})`,
  );
}

if (!flag("--reuse") || !existsSync(FILE)) generate(FILE);
const client = createClient(FILE);
console.log(`load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`);
await time("getStats (all decks)", () => getStats({ now: NOW }, client));
await time("getStats (deck alpha)", () => getStats({ now: NOW, deckKey: "alpha" }, client));
await client.$disconnect();
