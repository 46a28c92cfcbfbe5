-- CreateTable
CREATE TABLE "HealthProbe" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "checkedAt" DATETIME NOT NULL
);
