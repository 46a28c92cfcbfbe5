-- CreateTable
CREATE TABLE "RescheduleBatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "createdAt" DATETIME NOT NULL,
    "cards" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "undoneAt" DATETIME
);
