// `npm run backup` and `npm run restore <file>` as a learner runs them: a
// backup file appears; restoring it brings the collection back; a bad file
// changes nothing and prints one line.
import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const run = (script: string, env: Record<string, string>, ...args: string[]) => {
  const r = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
};

describe("backup and restore from the command line", () => {
  it("backs up, restores the backup, and refuses a damaged file with one line", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cardinal-cli-backup-"));
    const env = { DATABASE_URL: `file:${path.join(dir, "c.db")}`, BACKUP_DIR: path.join(dir, "backups") };
    expect(run("db-migrate", env).status).toBe(0);
    const db = new Database(path.join(dir, "c.db"));
    db.prepare(`INSERT INTO Deck (key, title, sourceFile, createdAt, updatedAt) VALUES ('mine', 'Mine', 'x', 0, 0)`).run();

    const csv = run("export-history", env, "--format", "fsrs");
    expect(csv.status).toBe(0);
    expect(csv.stdout).toBe("card_id,review_time,review_rating,review_state,review_duration");

    const b = run("backup", env);
    expect(b.status).toBe(0);
    expect(b.stdout).toMatch(/backup: .*cardinal-backup-\d{8}-\d{6}-\d{3}\.zip/);
    const file = path.join(env.BACKUP_DIR, readdirSync(env.BACKUP_DIR)[0]!);

    db.prepare(`DELETE FROM Deck`).run();
    const r = run("restore", env, file);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("restored");
    expect(db.prepare(`SELECT key FROM Deck`).pluck().all()).toEqual(["mine"]);

    const bad = path.join(dir, "bad.zip");
    writeFileSync(bad, "PK\u0003\u0004 not really a zip");
    const refused = run("restore", env, bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr.split("\n")).toHaveLength(1);
    expect(refused.stderr).toMatch(/not a readable zip.*nothing was changed/);
    expect(db.prepare(`SELECT key FROM Deck`).pluck().all()).toEqual(["mine"]);
    db.close();
  }, 60_000);
});
