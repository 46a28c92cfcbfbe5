-- A learner's review history brought in from Anki (issue 14), kept apart from
-- Cardinal's own ReviewLog: it describes cards of another app, and serves to
-- fit the memory model (issue 15 reads ImportedReview).

-- CreateTable
CREATE TABLE "Import" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "counts" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ImportedReview" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "importId" INTEGER NOT NULL,
    "sourceCardId" BIGINT NOT NULL,
    "reviewTime" DATETIME NOT NULL,
    "rating" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    CONSTRAINT "ImportedReview_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Import_sha256_key" ON "Import"("sha256");

-- CreateIndex
CREATE INDEX "ImportedReview_importId_idx" ON "ImportedReview"("importId");

-- CreateIndex
CREATE INDEX "ImportedReview_sourceCardId_reviewTime_idx" ON "ImportedReview"("sourceCardId", "reviewTime");
