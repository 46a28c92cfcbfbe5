-- AlterTable
ALTER TABLE "Settings" ADD COLUMN "learnAheadMinutes" INTEGER NOT NULL DEFAULT 20;
