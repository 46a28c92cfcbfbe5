-- AlterTable: per-deck presets (null = the global setting)
ALTER TABLE "Deck" ADD COLUMN "desiredRetention" REAL;
ALTER TABLE "Deck" ADD COLUMN "weights" TEXT;
