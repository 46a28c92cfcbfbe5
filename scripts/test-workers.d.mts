// Types for ./test-workers.mjs (plain JavaScript: scripts/test.mjs runs it without a compiler).
export declare const loadAtStart: () => number;
export declare const vitestWorkers: () => number;
export declare const playwrightWorkers: () => number;
