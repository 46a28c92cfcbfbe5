-- Card.lastRating: the rating of the card's newest answer (1 Again … 4 Easy),
-- NULL before the first. Mastery never counts a card whose last answer was
-- Again (docs/decisions/0026-honest-progress-figures.md); reading it from
-- ReviewLog per card cost ~60 ms at 100k cards, a column costs nothing.
--
-- Kept by TRIGGERS on ReviewLog, so every writer — the answer path, quiz
-- answers, undo (which deletes the log), the bench's bulk seed — keeps it
-- right without code of its own. schema.prisma cannot declare triggers; they
-- live only here.

-- AlterTable
ALTER TABLE "Card" ADD COLUMN "lastRating" INTEGER;

-- Backfill: newest answer by time, then by id.
UPDATE "Card" SET "lastRating" = (
  SELECT l."rating" FROM "ReviewLog" l WHERE l."cardId" = "Card"."id" ORDER BY l."reviewedAt" DESC, l."id" DESC LIMIT 1
);

-- An answer that is the card's newest sets it.
CREATE TRIGGER "ReviewLog_lastRating_insert" AFTER INSERT ON "ReviewLog"
BEGIN
  UPDATE "Card" SET "lastRating" = NEW."rating"
   WHERE "id" = NEW."cardId"
     AND NOT EXISTS (SELECT 1 FROM "ReviewLog" l WHERE l."cardId" = NEW."cardId" AND l."reviewedAt" > NEW."reviewedAt");
END;

-- Undo deletes the newest answer: the one before it (or none) is the last again.
CREATE TRIGGER "ReviewLog_lastRating_delete" AFTER DELETE ON "ReviewLog"
BEGIN
  UPDATE "Card" SET "lastRating" = (
    SELECT l."rating" FROM "ReviewLog" l WHERE l."cardId" = OLD."cardId" ORDER BY l."reviewedAt" DESC, l."id" DESC LIMIT 1
  ) WHERE "id" = OLD."cardId";
END;
