-- ReviewSlot: how many answers fall in each 15-minute slot of UTC time
-- (slot = reviewedAt div 900 000 ms). The Progress heatmap counts a year of
-- answers per study day; summing ~35k slots is ~10× cheaper than counting
-- the ~500k index entries of a year at 1M logs (docs/decisions/0004-statistics.md).
--
-- Slots, not study days: every UTC offset in use since 1972 is a multiple of
-- 15 minutes and the day starts on the hour, so a study day is a whole number
-- of slots in any time zone and with any start hour — changing the time zone
-- or the day start needs no rebuild. lib/services/stats.ts checks the
-- boundaries and counts ReviewLog itself when one is not on a slot edge, and
-- counts today from ReviewLog (it ends at `now`, inside a slot).
--
-- Kept by TRIGGERS on ReviewLog, so every writer — answers, quiz answers,
-- undo (which deletes the log), imports, the bench's bulk seed — keeps it
-- right without code of its own. A slot whose answers were all undone stays
-- with 0.

-- CreateTable
CREATE TABLE "ReviewSlot" (
    "slot" INTEGER NOT NULL PRIMARY KEY,
    "answers" INTEGER NOT NULL
);

-- Backfill.
INSERT INTO "ReviewSlot" ("slot", "answers") SELECT "reviewedAt" / 900000, count(*) FROM "ReviewLog" GROUP BY 1;

CREATE TRIGGER "ReviewLog_slot_insert" AFTER INSERT ON "ReviewLog"
BEGIN
  INSERT INTO "ReviewSlot" ("slot", "answers") VALUES (NEW."reviewedAt" / 900000, 1)
    ON CONFLICT ("slot") DO UPDATE SET "answers" = "answers" + 1;
END;

CREATE TRIGGER "ReviewLog_slot_delete" AFTER DELETE ON "ReviewLog"
BEGIN
  UPDATE "ReviewSlot" SET "answers" = "answers" - 1 WHERE "slot" = OLD."reviewedAt" / 900000;
END;

CREATE TRIGGER "ReviewLog_slot_update" AFTER UPDATE OF "reviewedAt" ON "ReviewLog"
  WHEN NEW."reviewedAt" / 900000 IS NOT OLD."reviewedAt" / 900000
BEGIN
  UPDATE "ReviewSlot" SET "answers" = "answers" - 1 WHERE "slot" = OLD."reviewedAt" / 900000;
  INSERT INTO "ReviewSlot" ("slot", "answers") VALUES (NEW."reviewedAt" / 900000, 1)
    ON CONFLICT ("slot") DO UPDATE SET "answers" = "answers" + 1;
END;
