import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { vitestWorkers } from "./scripts/test-workers.mjs";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/reliability/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/setup/global-db.ts"],
    setupFiles: ["tests/setup/worker-db.ts"],
    reporters: ["default", "./tests/setup/count-reporter.ts"],
    testTimeout: 20_000,
    // Decision 0050. Vitest's default of cores − 1 workers is one worker on a 2-core machine,
    // leaving a core idle while a file waits on a server or CLI it spawned: use every core. On an
    // overloaded machine, one worker (scripts/test-workers.mjs): two then push the CPU-heavy property
    // tests past their 20 s timeout. VITEST_MAX_WORKERS=n decides. (Worker threads were tried: a
    // hook seeding the database then took longer than in forked processes and hit its 10 s timeout.)
    // Decision 0075: files share their worker's module graph instead of a fresh one each (about a second
    // of CPU per file); tests/setup/worker-db.ts still gives each file its own database and connection.
    isolate: false,
    maxWorkers: vitestWorkers(),
  },
});
