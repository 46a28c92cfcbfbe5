// How many workers Vitest and Playwright use (decisions 0050, 0075): every core for Vitest (at least 2)
// and 2 browsers for Playwright, but one each on a machine already running twice as much as it has
// cores (the starved runs of 0050 were at load 12–22 on 2 cores). The 1-minute load still carries the
// command just finished (`npm ci` in CI, a build): at 2.6 on 2 cores a run fell to one worker each and
// took 342 s instead of about 270. `npm test` reads the load before its own build runs and passes it as
// CARDINAL_LOAD_AT_START; a run by hand reads it now. VITEST_MAX_WORKERS / E2E_WORKERS set by hand win.
import { availableParallelism, loadavg } from "node:os";

export const loadAtStart = () => Number(process.env.CARDINAL_LOAD_AT_START ?? loadavg()[0]);
const busy = () => loadAtStart() > 2 * availableParallelism();

export const vitestWorkers = () => Number(process.env.VITEST_MAX_WORKERS ?? (busy() ? 1 : Math.max(2, availableParallelism())));
export const playwrightWorkers = () => Number(process.env.E2E_WORKERS ?? (busy() ? 1 : Math.min(2, availableParallelism())));
