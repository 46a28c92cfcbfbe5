// `npm run -s fsrs -- evaluate <csv> --json`: on the reference Anki history it
// must reproduce ../shared/data/README.md's figures; without that file (a
// fresh clone) it runs on a generated history and checks what must hold for
// any data: the binding's own conversion gives the same item count, and
// fitting beats the defaults in-sample.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FSRSBinding, convertCsvToFsrsItems } from "@open-spaced-repetition/binding";
import { syntheticHistory, toCsv } from "../../lib/fsrs-fit/synthetic-history";
import { utcOffsetMs } from "../../lib/srs";
import { referenceCsvPath } from "../helpers/reference-csv";

function evaluateCli(file: string, ...flags: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/fsrs.ts", "evaluate", file, ...flags, "--json"], { encoding: "utf8" });
  return { status: r.status, stderr: r.stderr, json: r.status === 0 ? JSON.parse(r.stdout) : null };
}

const reference = referenceCsvPath();

describe("fsrs evaluate", () => {
  it(reference ? "reproduces the reference figures on anki-revlog-41k.csv" : "evaluates a generated history (reference CSV absent)", () => {
    const zone = "Asia/Shanghai";
    let file = reference;
    if (!file) {
      file = path.join(mkdtempSync(path.join(tmpdir(), "cardinal-fsrs-")), "revlog.csv");
      writeFileSync(file, toCsv(syntheticHistory({ cards: 400, days: 500, seed: 3, start: Date.UTC(2024, 0, 1), timeZone: zone })));
    }
    const r = evaluateCli(file, "--timezone", zone, "--day-start", "4");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = r.json;
    expect(Object.keys(out)).toEqual(["items", "default", "fitted", "timeSeriesSplit", "parameters"]);
    expect(out.parameters).toHaveLength(21);
    if (reference) {
      expect(out.items).toBe(27_948);
      expect(out.default.logLoss).toBeCloseTo(0.3234, 3);
      expect(out.default.rmseBins).toBeCloseTo(0.0868, 3);
      expect(out.fitted.logLoss).toBeCloseTo(0.2996, 3);
      expect(out.fitted.rmseBins).toBeCloseTo(0.0547, 3);
      expect(out.timeSeriesSplit.logLoss).toBeCloseTo(0.2955, 3);
      expect(out.timeSeriesSplit.rmseBins).toBeCloseTo(0.0531, 3);
    } else {
      const theirs = convertCsvToFsrsItems(readFileSync(file), 4, zone, (ms, tz) => Math.round(utcOffsetMs(ms, tz) / 60_000));
      expect(out.items).toBe(theirs.length);
      // Defaults evaluated on the binding's own items: the same figure.
      const direct = new FSRSBinding().evaluate(theirs);
      expect(out.default.logLoss).toBeCloseTo(direct.logLoss, 6);
      expect(out.default.rmseBins).toBeCloseTo(direct.rmseBins, 6);
      expect(out.fitted.logLoss).toBeGreaterThan(0);
      expect(out.timeSeriesSplit.logLoss).toBeGreaterThan(0);
    }
  }, 60_000);

  it("rejects a file without the binding's columns with one line, exit 2", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "cardinal-fsrs-")), "bad.csv");
    writeFileSync(file, "card_id,review_time\n1,2\n");
    const r = evaluateCli(file);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`fsrs: ${file}:1: missing column(s) review_rating, review_state, review_duration\n`);
  });
});
