// The one place that constructs Prisma's client. Dates are stored as epoch
// milliseconds (unixepoch-ms) so that statistics can bucket them in SQL.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { databasePath } from "./database-path";

export type Db = PrismaClient;

export function createClient(file: string = databasePath()): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 5000 }, { timestampFormat: "unixepoch-ms" });
  return new PrismaClient({ adapter });
}

// One client per process (and per dev-server reload), opened on first use so
// that importing this module at build time touches no database. Like the
// better-sqlite3 connection (./sqlite.ts), it follows DATABASE_URL: a new file
// gets a new client and the old one is disconnected.
const holder = globalThis as unknown as { __cardinalPrisma?: PrismaClient; __cardinalPrismaPath?: string };

export function db(): PrismaClient {
  const file = databasePath();
  if (!holder.__cardinalPrisma || holder.__cardinalPrismaPath !== file) {
    void holder.__cardinalPrisma?.$disconnect();
    holder.__cardinalPrisma = createClient(file);
    holder.__cardinalPrismaPath = file;
  }
  return holder.__cardinalPrisma;
}
