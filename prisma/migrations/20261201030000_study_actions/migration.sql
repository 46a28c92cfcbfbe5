-- CreateTable
CREATE TABLE "StudyAction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sessionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "cardId" INTEGER,
    "changes" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "undoneAt" DATETIME
);

-- CreateIndex
CREATE INDEX "StudyAction_sessionId_id_idx" ON "StudyAction"("sessionId", "id");
