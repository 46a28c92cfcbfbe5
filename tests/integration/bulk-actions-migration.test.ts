// Migration 20261202050000: bulk actions recorded in the old BulkAction table
// (decision 0031's snapshot + stamp) become StudyAction rows of the session
// "bulk-legacy" and undo exactly as the old undo did — rows still carrying the
// action's stamp go back, rows changed since stay (decision 0060).
import { describe, it, expect, beforeAll } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { MIGRATIONS_DIR } from "@/lib/db/prepare";
import { sqlite } from "@/lib/db/sqlite";
import { undoInSession } from "@/lib/services/study-actions";
import { allCards, cardRow, resetCards, seedDeck, singletonCards } from "../helpers/seed";

const NAME = "20261202050000_bulk_actions_on_study_stack";
const SQL = readFileSync(path.join(MIGRATIONS_DIR, NAME, "migration.sql"), "utf8");
const NOW = new Date("2026-11-30T10:00:00Z");

/** The BulkAction table as 20261201050000_browse created it. */
const CREATE_OLD = `CREATE TABLE "BulkAction" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "kind" TEXT NOT NULL, "label" TEXT NOT NULL,
  "snapshot" TEXT NOT NULL, "createdAt" DATETIME NOT NULL, "undoneAt" DATETIME)`;

/** What the old lib/db/bulk-actions.ts did for a suspend: stamp the rows, snapshot what it wrote. */
function oldSuspend(db: Database.Database, ids: number[], now: number): void {
  const rows = db
    .prepare(`SELECT id, updatedAt, suspended FROM Card WHERE id IN (SELECT value FROM json_each(?)) AND suspended = 0`)
    .all(JSON.stringify(ids)) as {
    id: number;
    updatedAt: number;
  }[];
  const stamp = rows.reduce((m, r) => Math.max(m, r.updatedAt + 1), now);
  db.prepare(`UPDATE Card SET suspended = 1, updatedAt = ? WHERE id IN (SELECT value FROM json_each(?))`).run(stamp, JSON.stringify(rows.map((r) => r.id)));
  db.prepare(`INSERT INTO BulkAction (kind, label, snapshot, createdAt) VALUES ('suspend', ?, ?, ?)`).run(
    `Suspended ${rows.length} cards`,
    JSON.stringify({ stamp, cards: rows }),
    now,
  );
}

/** What the old code did for a flag: replace each card's flag, snapshot the earlier ones. */
function oldFlag(db: Database.Database, ids: number[], now: number): void {
  const before = ids.map((cardId) => ({
    cardId,
    before: (db.prepare(`SELECT id, cardId, reason, note, createdAt FROM CardFlag WHERE cardId = ?`).get(cardId) ?? null) as { createdAt: number } | null,
  }));
  const stamp = before.reduce((m, f) => Math.max(m, (f.before?.createdAt ?? 0) + 1), now);
  for (const { cardId } of before) {
    db.prepare(`DELETE FROM CardFlag WHERE cardId = ?`).run(cardId);
    db.prepare(`INSERT INTO CardFlag (cardId, reason, note, createdAt) VALUES (?, 'typo', 'bulk', ?)`).run(cardId, stamp);
  }
  db.prepare(`INSERT INTO BulkAction (kind, label, snapshot, createdAt) VALUES ('flag', ?, ?, ?)`).run(
    `Flagged ${ids.length} cards`,
    JSON.stringify({ stamp, flags: before }),
    now,
  );
}

const flags = () => sqlite().prepare(`SELECT * FROM CardFlag ORDER BY cardId`).all();

beforeAll(async () => {
  await seedDeck(NOW);
}, 120_000);

describe("BulkAction rows move onto the undo stack", () => {
  it("on a database at the previous migration: the table goes, every row (undone ones too) becomes a bulk-legacy action", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "cardinal-bulk-mig-")), "old.db");
    const db = new Database(file);
    const all = readMigrations(MIGRATIONS_DIR);
    migrate(
      db,
      all.filter((m) => m.name < NAME),
    );
    db.prepare(`INSERT INTO BulkAction (kind, label, snapshot, createdAt, undoneAt) VALUES ('bury', 'Buried 0 cards', '{"stamp":5,"cards":[]}', 4, 9)`).run();
    db.prepare(`INSERT INTO BulkAction (kind, label, snapshot, createdAt) VALUES ('unflag', 'Unflagged 1 card', ?, 7)`).run(
      JSON.stringify({ stamp: 8, flags: [{ cardId: 3, before: { id: 12, cardId: 3, reason: "typo", note: "x", createdAt: 2 } }] }),
    );
    expect(migrate(db, all).applied).toContain(NAME);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'BulkAction'`).get()).toBeUndefined();
    const rows = db.prepare(`SELECT sessionId, kind, label, cardId, changes, partial, createdAt, undoneAt FROM StudyAction ORDER BY id`).all();
    expect(rows).toEqual([
      { sessionId: "bulk-legacy", kind: "bulk-bury", label: "Buried 0 cards", cardId: null, changes: "[]", partial: 1, createdAt: 4, undoneAt: 9 },
      {
        sessionId: "bulk-legacy",
        kind: "bulk-unflag",
        label: "Unflagged 1 card",
        cardId: null,
        changes: JSON.stringify([
          { op: "delete", table: "CardFlag", id: 12, group: 3, before: { id: 12, cardId: 3, reason: "typo", note: "x", createdAt: 2 }, unique: ["cardId"] },
        ]),
        partial: 1,
        createdAt: 7,
        undoneAt: null,
      },
    ]);
    db.close();
  });

  it("migrated actions undo as before: newest first, exactly, and a card changed since keeps its change", () => {
    resetCards(NOW);
    const db = sqlite();
    db.prepare(`DELETE FROM CardFlag`).run();
    const [a, b, c, d] = singletonCards();
    db.prepare(`INSERT INTO CardFlag (cardId, reason, note, createdAt) VALUES (?, 'wrong', 'earlier', ?)`).run(a, NOW.getTime() - 1000);
    const start = allCards();
    const startFlags = flags();
    // The old code at work, on a database that still had BulkAction.
    db.exec(CREATE_OLD);
    oldSuspend(db, [a!, b!, c!], NOW.getTime());
    oldFlag(db, [a!, d!], NOW.getTime() + 10);
    // Later, card c is answered elsewhere: the old undo would keep it as it is.
    db.prepare(`UPDATE Card SET due = due + 1, updatedAt = updatedAt + 100 WHERE id = ?`).run(c);
    const changedC = cardRow(c!);
    // The migration's data step (its ALTER TABLE ran when this database was made).
    db.exec(SQL.replace(/^ALTER TABLE[^;]*;/m, ""));
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'BulkAction'`).get()).toBeUndefined();

    const flagUndo = undoInSession({ sessionId: "bulk-legacy" }, NOW);
    expect(flagUndo).toMatchObject({ ok: true, undone: { kind: "bulk-flag", label: "Flagged 2 cards" }, restored: 2, skipped: 0 });
    expect(flags()).toEqual(startFlags);
    const suspendUndo = undoInSession({ sessionId: "bulk-legacy" }, NOW);
    expect(suspendUndo).toMatchObject({ ok: true, undone: { kind: "bulk-suspend" }, restored: 2, skipped: 1 });
    expect(allCards()).toEqual(start.map((r) => (r.id === c ? changedC : r)));
    expect(undoInSession({ sessionId: "bulk-legacy" }, NOW)).toMatchObject({ ok: false, kind: "not-found" });
  });
});
