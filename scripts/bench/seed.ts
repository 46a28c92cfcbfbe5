// Builds a large, realistic collection in a fresh SQLite file: one deck, notes
// with two cards each (so answering buries a sibling, as in real use), N cards
// in a mix of states, and a long review history. Raw better-sqlite3 prepared
// statements in one transaction, because going through Prisma would take
// minutes for a million rows. Columns follow prisma/migrations/*/migration.sql:
// dates are INTEGER epoch ms, booleans 0/1.
import Database from "better-sqlite3";
import { prepareDatabase } from "../../lib/db/prepare";
import { rng } from "./rng";

export type SeedSpec = { cards: number; logs: number; now: number };
export type Seeded = { deckId: number; ms: number; dueReviewIds: number[] };

const DAY = 86_400_000;
const HOUR = 3_600_000;

export function seed(file: string, spec: SeedSpec): Seeded {
  const t0 = performance.now();
  prepareDatabase(file); // the real migration runner, so the schema is the app's
  const db = new Database(file);
  // Setup only: durability does not matter for a throwaway file.
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -200000");
  const r = rng(42);
  const { now } = spec;
  const created = now - 800 * DAY;

  const insDeck = db.prepare(`INSERT INTO Deck (key, title, sourceFile, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`);
  const insNote = db.prepare(
    `INSERT INTO Note (deckId, key, kind, topic, fields, sourceQuote, sourceLine, retired, createdAt, updatedAt)
     VALUES (?, ?, 'term', ?, ?, ?, ?, 0, ?, ?)`,
  );
  const insCard = db.prepare(
    `INSERT INTO Card (noteId, deckId, kind, payload, position, due, stability, difficulty, elapsed_days, scheduled_days,
       learning_steps, reps, lapses, state, last_review, suspended, buriedUntil, leech, retired, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 0, ?, ?)`,
  );
  const insLog = db.prepare(
    `INSERT INTO ReviewLog (cardId, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days,
       learning_steps, reviewedAt, durationMs, source, reviewId, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
  );
  const topics = ["vocabulary", "takeaways", "pipeline"];
  const payload = JSON.stringify({ prompt: "What does RLHF stand for?", answer: "Reinforcement learning from human feedback" });

  let deckId = 0;
  db.transaction(() => {
    deckId = Number(insDeck.run("bench", "Bench deck", "content/bench/talk.md", created, created).lastInsertRowid);
    // Settings as a learner outside UTC would have them, so the study-day
    // maths (Intl time-zone lookups) is exercised like in real use.
    db.prepare(`INSERT INTO Settings (id, timezone, updatedAt) VALUES (1, 'Europe/Berlin', ?)`).run(now);

    let noteId = 0;
    for (let i = 0; i < spec.cards; i++) {
      if (i % 2 === 0) {
        noteId = Number(insNote.run(deckId, `n${i}`, topics[i % 3]!, `{"term":"t${i}"}`, "a quote from the talk", i, created, created).lastInsertRowid);
      }
      const c = cardState(r, now);
      insCard.run(
        noteId,
        deckId,
        i % 2 === 0 ? "recall" : "typed",
        payload,
        i,
        c.due,
        c.stability,
        c.difficulty,
        c.scheduled,
        c.scheduled,
        c.steps,
        c.reps,
        c.lapses,
        c.state,
        c.last,
        c.suspended,
        c.leech,
        created,
        created,
      );
    }

    // History: in chronological order (the app appends), ending a day ago so
    // "today" starts empty — the queue then has its full daily budget to
    // fetch, the more demanding case.
    const times = new Float64Array(spec.logs);
    for (let i = 0; i < spec.logs; i++) times[i] = now - DAY - Math.floor(r() * 729 * DAY);
    times.sort();
    for (let i = 0; i < spec.logs; i++) {
      const at = times[i]!;
      const u = r();
      const rating = u < 0.1 ? 1 : u < 0.15 ? 2 : u < 0.9 ? 3 : 4;
      const v = r();
      const state = v < 0.05 ? 0 : v < 0.15 ? 1 : v < 0.9 ? 2 : 3;
      const sched = state === 2 ? 1 + Math.floor(r() * r() * 90) : 0;
      insLog.run(
        1 + Math.floor(r() * spec.cards),
        rating,
        state,
        at - sched * DAY,
        1 + r() * 50,
        1 + r() * 9,
        sched,
        sched,
        sched,
        at,
        2000 + Math.floor(r() * 18000),
        r() < 0.9 ? "review" : "quiz",
        `s${i.toString(36)}`,
        `{"card":{"id":${i}}}`,
      );
    }
  })();
  // Fold the WAL back so the timed runs start from a normal-sized WAL.
  db.pragma("wal_checkpoint(TRUNCATE)");
  const dueReviewIds = (
    db.prepare(`SELECT id FROM Card WHERE state = 2 AND due <= ? AND suspended = 0 AND leech = 0 AND retired = 0`).all(now) as { id: number }[]
  ).map((x) => x.id);
  db.close();
  return { deckId, ms: performance.now() - t0, dueReviewIds };
}

/** 20% new, 5% learning, 70% review (due ±60 days around now), 5% relearning; ~0.5% suspended, heavy lapsers are leeches. */
function cardState(r: () => number, now: number) {
  const u = r();
  const state = u < 0.2 ? 0 : u < 0.25 ? 1 : u < 0.95 ? 2 : 3;
  if (state === 0) {
    return { state, due: now - 800 * DAY, stability: 0, difficulty: 0, scheduled: 0, steps: 0, reps: 0, lapses: 0, last: null, suspended: 0, leech: 0 };
  }
  const difficulty = 1 + r() * 9;
  if (state === 2) {
    const last = now - DAY - Math.floor(r() * 180 * DAY);
    const due = Math.max(last + DAY, now + Math.floor((r() * 120 - 60) * DAY));
    const scheduled = Math.round((due - last) / DAY);
    const lapses = Math.floor(r() * r() * 6);
    return {
      state,
      due,
      stability: scheduled * (0.7 + r() * 0.6),
      difficulty,
      scheduled,
      steps: 0,
      reps: 2 + Math.floor(r() * 20),
      lapses,
      last,
      suspended: r() < 0.005 ? 1 : 0,
      leech: 0,
    };
  }
  // Learning / relearning: in their minute-scale steps, mostly due already.
  const due = now - Math.floor(r() * 48 * HOUR) + HOUR;
  const lapses = state === 3 ? 1 + Math.floor(r() * r() * 9) : 0;
  const leech = lapses >= 8 ? 1 : 0;
  return {
    state,
    due,
    stability: state === 3 ? 1 + r() * 10 : 0.5 + r() * 3,
    difficulty,
    scheduled: 0,
    steps: 1,
    reps: state === 3 ? 5 + lapses * 2 : 1,
    lapses,
    last: due - 10 * 60_000,
    suspended: leech || r() < 0.005 ? 1 : 0,
    leech,
  };
}
