// Prisma CLI configuration. The runtime client connects through the
// better-sqlite3 adapter in lib/db/client.ts instead.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/cardinal.db" },
});
