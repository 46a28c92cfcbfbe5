-- AlterTable: a parameter set applied to one deck's preset (null = global)
ALTER TABLE "ParameterSet" ADD COLUMN "deckId" INTEGER;

-- CreateIndex
CREATE INDEX "ParameterSet_deckId_appliedAt_idx" ON "ParameterSet"("deckId", "appliedAt");
