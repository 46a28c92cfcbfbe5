// Backups and restores: a restore is exact (the history exported before and
// after is the same, byte for byte), keeps the collection it replaces as a
// backup, migrates an older backup, and refuses a bad file changing nothing.
import { describe, it, expect, beforeAll, beforeEach } from "vitest";
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { strToU8, unzipSync, zipSync } from "fflate";
import { answerCard } from "@/lib/services/review";
import { historyCsv } from "@/lib/db/history-export";
import { checkBackup, createBackup, listBackups, pruneAutoBackups } from "@/lib/db/backup";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { MIGRATIONS_DIR } from "@/lib/db/prepare";
import { restoreFrom } from "@/lib/services/backup";
import { flagCard } from "@/lib/services/flags";
import { sqlite } from "@/lib/db/sqlite";
import { DAY_MS, allCards, resetCards, seedDeck } from "../helpers/seed";

const NOW = new Date("2026-03-10T15:00:00Z");
const at = (min: number) => new Date(NOW.getTime() + min * 60_000);
let ids: number[] = [];

function answerSome(n: number, start: number) {
  for (let i = 0; i < n; i++)
    answerCard(
      { cardId: ids[i % ids.length]!, rating: ((i % 4) + 1) as 1 | 2 | 3 | 4, durationMs: 1000 + i, reviewId: randomUUID(), source: "quiz" },
      at(start + i * 10),
    );
}

const liveState = () => ({
  cards: allCards(),
  logs: sqlite().prepare(`SELECT * FROM ReviewLog ORDER BY id`).all(),
  flags: sqlite().prepare(`SELECT * FROM CardFlag`).all(),
});

/** A backup zip with its database replaced by `edit(copy)`, manifest re-signed. */
function tampered(zip: Uint8Array, edit: (db: Database.Database) => void): Uint8Array {
  const e = unzipSync(zip);
  const f = path.join(mkdtempSync(path.join(os.tmpdir(), "cardinal-tamper-")), "x.db");
  writeFileSync(f, e["cardinal.db"]!);
  const db = new Database(f);
  edit(db);
  db.close();
  const bytes = readFileSync(f);
  const manifest = {
    ...JSON.parse(new TextDecoder().decode(e["manifest.json"]!)),
    database: { file: "cardinal.db", bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") },
  };
  return zipSync({ "manifest.json": strToU8(JSON.stringify(manifest)), "cardinal.db": bytes });
}

beforeAll(async () => {
  process.env.BACKUP_DIR = mkdtempSync(path.join(os.tmpdir(), "cardinal-backups-"));
  await seedDeck(NOW);
  ids = allCards()
    .map((c) => c.id as number)
    .slice(0, 12);
}, 120_000);
beforeEach(() => {
  resetCards(NOW);
  sqlite().prepare(`DELETE FROM CardFlag`).run();
});

describe("backup and restore", () => {
  it("restore, then export, gives the same history byte for byte, and every row back", () => {
    answerSome(30, 0);
    flagCard(ids[2]!, "wrong", "the answer is outdated", "backup-test", NOW);
    const fsrsBefore = historyCsv("fsrs");
    const ankiBefore = historyCsv("anki");
    const before = liveState();
    const b = createBackup(NOW);
    expect(b.manifest.counts.ReviewLog).toBe(30);
    expect(b.manifest.migrations).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.name));

    // Study on: more answers, a forgotten flag.
    answerSome(7, 1000);
    sqlite().prepare(`DELETE FROM CardFlag`).run();
    expect(historyCsv("fsrs")).not.toBe(fsrsBefore);

    const r = restoreFrom({ bytes: readFileSync(b.file) }, at(5000));
    expect(r.ok).toBe(true);
    expect(historyCsv("fsrs")).toBe(fsrsBefore);
    expect(historyCsv("anki")).toBe(ankiBefore);
    expect(liveState()).toEqual(before);
    // Search still finds the restored cards (the full-text index followed).
    expect(sqlite().prepare(`SELECT count(*) FROM CardSearch`).pluck().get()).toBe(allCards().length);
    // The heatmap's slots followed too (kept by triggers, not copied).
    expect(sqlite().prepare(`SELECT slot, answers FROM ReviewSlot WHERE answers <> 0 ORDER BY slot`).all()).toEqual(
      sqlite().prepare(`SELECT reviewedAt / 900000 AS slot, count(*) AS answers FROM ReviewLog GROUP BY 1 ORDER BY 1`).all(),
    );
    // The collection it replaced was kept.
    if (r.ok) expect(listBackups().map((x) => x.name)).toContain(r.result.safetyBackup);
  });

  it("the fsrs CSV has the binding's header and the state before each review", () => {
    answerSome(3, 0);
    const lines = historyCsv("fsrs").trim().split("\n");
    expect(lines[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
    expect(lines[1]).toBe(`${ids[0]},${NOW.getTime()},1,0,1000`);
    expect(historyCsv("anki").split("\n")[0]).toBe("id,cid,usn,ease,ivl,lastIvl,factor,time,type");
  });

  it("a bad file changes nothing and gets one clear error", () => {
    answerSome(5, 0);
    const good = readFileSync(createBackup(NOW).file);
    const before = liveState();
    const cases: [Uint8Array, RegExp][] = [
      [strToU8("not a zip at all"), /not a readable zip/],
      [good.subarray(0, Math.floor(good.length / 2)), /not a readable zip/],
      [zipSync({ "hello.txt": strToU8("hi") }), /must hold manifest.json and cardinal.db/],
      [
        (() => {
          const e = unzipSync(good);
          const d = e["cardinal.db"]!;
          d[100] = d[100]! ^ 0xff;
          return zipSync(e);
        })(),
        /does not match the checksum/,
      ],
      [
        tampered(good, (db) =>
          db
            .prepare(
              `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x', 'y', '29991231000000_future', 0, 0, 1)`,
            )
            .run(),
        ),
        /newer Cardinal/,
      ],
    ];
    for (const [bytes, msg] of cases) {
      const r = restoreFrom({ bytes }, NOW);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(msg);
    }
    expect(liveState()).toEqual(before);
  });

  it("an older backup is migrated on the way in", () => {
    const all = readMigrations(MIGRATIONS_DIR);
    const f = path.join(mkdtempSync(path.join(os.tmpdir(), "cardinal-old-")), "old.db");
    const old = new Database(f);
    migrate(old, all.slice(0, 3));
    old.prepare(`INSERT INTO Deck (key, title, sourceFile, createdAt, updatedAt) VALUES ('old', 'Old deck', 'x', 0, 0)`).run();
    old.close();
    const bytes = readFileSync(f);
    rmSync(f);
    const manifest = {
      format: "cardinal-backup",
      formatVersion: 1,
      appVersion: "0.0.1",
      createdAt: NOW.toISOString(),
      migrations: all.slice(0, 3).map((m) => m.name),
      counts: {},
      database: { file: "cardinal.db", bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") },
    };
    const zip = zipSync({ "manifest.json": strToU8(JSON.stringify(manifest)), "cardinal.db": bytes });
    expect(checkBackup(zip).migrated).toEqual(all.slice(3).map((m) => m.name));
    const r = restoreFrom({ bytes: zip }, NOW);
    expect(r.ok).toBe(true);
    expect(sqlite().prepare(`SELECT key FROM Deck`).pluck().all()).toEqual(["old"]);
    expect(sqlite().prepare(`SELECT count(*) FROM _prisma_migrations`).pluck().get()).toBe(all.length);
  });

  it("automatic backups keep the newest N; the learner's own stay", () => {
    for (let i = 0; i < 4; i++) createBackup(new Date(NOW.getTime() + i * DAY_MS), "auto");
    createBackup(NOW);
    const gone = pruneAutoBackups(2);
    expect(gone).toHaveLength(2);
    const names = listBackups().map((b) => b.name);
    expect(names.filter((n) => n.endsWith("-auto.zip"))).toHaveLength(2);
    expect(names.some((n) => !n.endsWith("-auto.zip"))).toBe(true);
  });
});
