-- ReviewSlot: a slot whose answers are all gone (undone, moved) is removed
-- instead of staying with 0, so an undo leaves the table exactly as it was
-- before the answer (tests/integration/undo-every-action.test.ts compares
-- every table). The heatmap sums slots, so a missing slot and a 0 read alike.

DELETE FROM "ReviewSlot" WHERE "answers" <= 0;

DROP TRIGGER "ReviewLog_slot_delete";
CREATE TRIGGER "ReviewLog_slot_delete" AFTER DELETE ON "ReviewLog"
BEGIN
  UPDATE "ReviewSlot" SET "answers" = "answers" - 1 WHERE "slot" = OLD."reviewedAt" / 900000;
  DELETE FROM "ReviewSlot" WHERE "slot" = OLD."reviewedAt" / 900000 AND "answers" <= 0;
END;

DROP TRIGGER "ReviewLog_slot_update";
CREATE TRIGGER "ReviewLog_slot_update" AFTER UPDATE OF "reviewedAt" ON "ReviewLog"
  WHEN NEW."reviewedAt" / 900000 IS NOT OLD."reviewedAt" / 900000
BEGIN
  UPDATE "ReviewSlot" SET "answers" = "answers" - 1 WHERE "slot" = OLD."reviewedAt" / 900000;
  DELETE FROM "ReviewSlot" WHERE "slot" = OLD."reviewedAt" / 900000 AND "answers" <= 0;
  INSERT INTO "ReviewSlot" ("slot", "answers") VALUES (NEW."reviewedAt" / 900000, 1)
    ON CONFLICT ("slot") DO UPDATE SET "answers" = "answers" + 1;
END;
