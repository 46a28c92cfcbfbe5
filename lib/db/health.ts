// GET /api/v1/health: is the database Cardinal's, fully migrated, and can it be
// written? The write is real (a committed upsert of one probe row), so a
// read-only file, a full disk or a lock held past the busy timeout all show.
import path from "node:path";
import { sqlite } from "./sqlite";
import { readMigrations, type Migration } from "./migrate";
import { ledgerState } from "./ledger-check";

export type HealthProblem = "foreign" | "ahead" | "pending" | "unwritable" | "unreadable";
export type Health = { ok: true; db: "ok"; migrations: number } | { ok: false; db: "error"; reason: HealthProblem; error: string };

let migrations: Migration[] | undefined;

export async function checkHealth(now: Date = new Date()): Promise<Health> {
  migrations ??= readMigrations(path.resolve(process.cwd(), "prisma/migrations"));
  try {
    const db = sqlite();
    const state = ledgerState(db, migrations);
    if (state.kind === "foreign") return problem("foreign", `not Cardinal's database: it ${state.message}; set DATABASE_URL to another file`);
    if (state.kind === "empty") return problem("pending", "the database has no tables; run npm run db:migrate");
    if (state.kind === "ahead" || state.kind === "pending") return problem(state.kind, state.message);
    // A health check answers within a second, even when another writer holds the lock.
    const busy = db.pragma("busy_timeout", { simple: true }) as number;
    db.pragma("busy_timeout = 1000");
    try {
      db.prepare(`INSERT INTO "HealthProbe" (id, checkedAt) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET checkedAt = excluded.checkedAt`).run(now.getTime());
    } catch (e) {
      return problem(
        "unwritable",
        `the database cannot be written (${causeOf(e)}); free disk space, check the file's permissions, or close other programs using it`,
      );
    } finally {
      db.pragma(`busy_timeout = ${busy}`);
    }
    return { ok: true, db: "ok", migrations: state.applied };
  } catch (e) {
    return problem("unreadable", `the database cannot be read (${causeOf(e)}); if the file is damaged, move it aside and restart to start fresh`);
  }
}

function problem(reason: HealthProblem, error: string): Health {
  return { ok: false, db: "error", reason, error };
}

function causeOf(e: unknown): string {
  const code = e && typeof e === "object" && "code" in e && typeof e.code === "string" ? e.code : "";
  const msg = e instanceof Error ? e.message.split("\n")[0]! : String(e);
  return [code, msg].filter(Boolean).join(": ") || "unknown error";
}
