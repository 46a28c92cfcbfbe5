-- CreateTable
CREATE TABLE "ParameterSet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "weights" TEXT,
    "source" TEXT NOT NULL,
    "logLoss" REAL,
    "rmseBins" REAL,
    "items" INTEGER,
    "appliedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ParameterSet_appliedAt_idx" ON "ParameterSet"("appliedAt");
