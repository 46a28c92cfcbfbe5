// Issue 9: nothing a test run does writes outside the repo's temp folders. Tests
// make their scratch folders with os.tmpdir(), which the run points at .tmp
// (tests/setup/global-db.ts, playwright.config.ts); a literal /tmp path would
// bypass that.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repoTmp = path.resolve(".tmp");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx|mjs)$/.test(name) ? [p] : [];
  });
}

describe("temporary files", () => {
  it("a test's os.tmpdir() is inside the repo's .tmp", () => {
    expect(path.relative(repoTmp, tmpdir()).startsWith("..")).toBe(false);
  });

  it("no test or test config names /tmp itself", () => {
    const files = [...sources("tests"), "playwright.config.ts", "vitest.config.ts"];
    const offenders = files.filter((f) => /["'`]\/tmp\b/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
