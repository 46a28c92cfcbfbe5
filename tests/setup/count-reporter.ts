// CI reads a plain closing line, not Vitest's summary. This reporter prints
// `Tests: N passed, N failed` and records the counts for scripts/test.mjs,
// which adds Playwright's and prints the final line.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

// scripts/test.mjs names a file of its own run; a run by hand writes the usual one.
const COUNTS = process.env.CARDINAL_VITEST_COUNTS ?? ".tmp/vitest-counts.json";
import type { Reporter, TestModule } from "vitest/node";

export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const s = t.result().state;
        if (s === "passed") passed++;
        else if (s === "failed") failed++;
        else skipped++;
      }
      // A file that fails to load has no tests; count it as a failure.
      if (m.state() === "failed" && [...m.children.allTests()].length === 0) failed++;
    }
    failed += errors.length;
    mkdirSync(path.dirname(COUNTS), { recursive: true });
    writeFileSync(COUNTS, JSON.stringify({ passed, failed, skipped }));
    console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  }
}
