// GET /api/v1/health tells the truth: not ok, with the reason, for a database
// that is not Cardinal's, one migrated by newer code, one with migrations
// missing, one that cannot be written and a file that is not SQLite.
import { copyFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { GET as health } from "@/app/api/v1/health/route";
import { sqlite } from "@/lib/db/sqlite";

const own = process.env.DATABASE_URL!;
const dir = path.dirname(own.slice("file:".length));
const useFile = (name: string) => {
  const file = path.join(dir, `${path.basename(own)}-${name}`);
  process.env.DATABASE_URL = `file:${file}`;
  return file;
};
const read = async () => {
  const res = await health();
  return { status: res.status, body: (await res.json()) as { ok: boolean; reason?: string; error?: string; migrations?: number } };
};

afterEach(() => {
  process.env.DATABASE_URL = own;
});

describe("GET /api/v1/health", () => {
  it("is ok on a migrated database, and really writes", async () => {
    const { status, body } = await read();
    expect(status).toBe(200);
    // Every migration folder in prisma/migrations is applied (branches add their own).
    const folders = readdirSync(path.resolve("prisma/migrations"), { withFileTypes: true }).filter((d) => d.isDirectory()).length;
    expect(body).toMatchObject({ ok: true, db: "ok", migrations: folders });
    const probe = sqlite().prepare(`SELECT checkedAt FROM HealthProbe WHERE id = 1`).get() as { checkedAt: number };
    expect(Date.now() - probe.checkedAt).toBeLessThan(10_000);
  });

  it("503 foreign: a SQLite file of another program (a Card table, no Cardinal ledger)", async () => {
    const file = useFile("foreign.db");
    const other = new Database(file);
    other.exec(`CREATE TABLE Card (id INTEGER PRIMARY KEY, front TEXT); INSERT INTO Card VALUES (1, 'hello')`);
    other.close();
    const { status, body } = await read();
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, reason: "foreign" });
    expect(body.error).toMatch(/not Cardinal's database: it holds another program's data \(tables Card\)/);
  });

  it("503 ahead: migrated by newer code; 503 pending: a migration missing", async () => {
    const file = useFile("ahead.db");
    copyFileSync(own.slice("file:".length), file);
    sqlite()
      .prepare(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x', 'x', '29990101000000_future', 0, 0, 1)`,
      )
      .run();
    let r = await read();
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ reason: "ahead" });
    expect(r.body.error).toMatch(/1 migration\(s\) newer than this code \(29990101000000_future\)/);

    sqlite().prepare(`DELETE FROM _prisma_migrations WHERE migration_name IN ('29990101000000_future', '20261201010000_health_probe')`).run();
    r = await read();
    expect(r.body).toMatchObject({ ok: false, reason: "pending" });
    expect(r.body.error).toMatch(/20261201010000_health_probe.*npm run db:migrate/);
  });

  it("503 unwritable, within about a second, while another program holds the write lock", async () => {
    const file = useFile("locked.db");
    copyFileSync(own.slice("file:".length), file);
    sqlite(); // open it first, in WAL mode
    const other = new Database(file);
    other.exec("BEGIN IMMEDIATE");
    try {
      const t0 = performance.now();
      const { status, body } = await read();
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(status).toBe(503);
      expect(body).toMatchObject({ ok: false, reason: "unwritable" });
      expect(body.error).toMatch(/cannot be written \(SQLITE_BUSY/);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect((await read()).body).toMatchObject({ ok: true });
  });

  it("503 unreadable, with a message (not an empty string), for a file that is not SQLite", async () => {
    const file = useFile("garbage.db");
    writeFileSync(file, "this is not a database ".repeat(200));
    const { status, body } = await read();
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, reason: "unreadable" });
    expect(body.error).toMatch(/SQLITE_NOTADB: file is not a database.*move it aside/);
  });
});
