// "Automatic backups to keep" is a setting (issue 14, item 4): validated with
// the other settings, stored in the Settings row, and what the automatic backup
// on `npm start` keeps; CARDINAL_BACKUPS_KEEP, when set, overrides it.
import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET, PATCH } from "@/app/api/v1/settings/route";
import { readForm, toFormValues, toSettingsInput } from "@/app/settings/form-values";
import { sqlite } from "@/lib/db/sqlite";
import { backupsToKeep } from "@/lib/services/backup";
import { getSettings, updateSettings } from "@/lib/services/settings";
import { autoBackupStep } from "../../scripts/lib/backup-step";

const patch = (body: unknown) =>
  PATCH(new Request("http://localhost/api/v1/settings", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
const saved = () => sqlite().prepare(`SELECT backupsKeep FROM Settings WHERE id = 1`).pluck().get() as number;
const autos = () => readdirSync(process.env.BACKUP_DIR as string).filter((n) => n.endsWith("-auto.zip"));

beforeEach(() => {
  process.env.BACKUP_DIR = mkdtempSync(path.join(os.tmpdir(), "cardinal-keep-"));
  delete process.env.CARDINAL_BACKUPS_KEEP;
  sqlite().prepare(`DELETE FROM Settings`).run();
});
afterEach(() => {
  delete process.env.CARDINAL_BACKUPS_KEEP;
});

/** What `npm start` does, `n` times (each backup's name carries the time, so a pause between them). */
async function starts(n: number) {
  for (let i = 0; i < n; i++) {
    await autoBackupStep();
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("automatic backups to keep", () => {
  it("defaults to 10 and is saved and read back with the other settings", async () => {
    expect(getSettings().backupsKeep).toBe(10);
    const res = await patch({ backupsKeep: 3 });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { backupsKeep: number }).backupsKeep).toBe(3);
    expect(saved()).toBe(3);
    expect(((await (await GET()).json()) as { backupsKeep: number }).backupsKeep).toBe(3);
    // A client that does not send the field keeps it.
    await patch({ newPerDay: 12 });
    expect(saved()).toBe(3);
  });

  it.each([
    [-1, "must be between 0 and 1000 backups"],
    [1001, "must be between 0 and 1000 backups"],
    [2.5, "must be a whole number backups"],
    ["three", "must be a number"],
  ])("refuses %j with the field's message and writes nothing", async (value, message) => {
    await patch({ backupsKeep: 4 });
    const res = await patch({ backupsKeep: value });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { details: { fieldErrors: Record<string, string[]> } };
    expect(body.details.fieldErrors.backupsKeep).toEqual([message]);
    expect(saved()).toBe(4);
  });

  it("the settings form shows it and sends it", () => {
    const s = getSettings();
    expect(toFormValues(s).backupsKeep).toBe("10");
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...toFormValues(s), backupsKeep: " 7 " })) if (typeof v === "string") form.set(k, v);
    const r = updateSettings(toSettingsInput(readForm(form)), new Date());
    expect(r.ok).toBe(true);
    expect(saved()).toBe(7);
  });

  it("the automatic backup on start keeps as many as the setting says; 0 makes none", async () => {
    await patch({ backupsKeep: 2 });
    await starts(4);
    expect(autos()).toHaveLength(2);
    await patch({ backupsKeep: 3 });
    await starts(2);
    expect(autos()).toHaveLength(3);
    await patch({ backupsKeep: 0 });
    const before = autos();
    await starts(1);
    expect(autos()).toEqual(before);
  });

  it("CARDINAL_BACKUPS_KEEP overrides the setting when it is a whole number", async () => {
    await patch({ backupsKeep: 5 });
    process.env.CARDINAL_BACKUPS_KEEP = "1";
    expect(backupsToKeep()).toBe(1);
    await starts(3);
    expect(autos()).toHaveLength(1);
    process.env.CARDINAL_BACKUPS_KEEP = "lots";
    expect(backupsToKeep()).toBe(5);
    process.env.CARDINAL_BACKUPS_KEEP = "";
    expect(backupsToKeep()).toBe(5);
  });
});
