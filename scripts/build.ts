// `npm test`'s build phase: `next build` only when the sources changed since
// the last build (the same check `npm start` makes), before the suites that
// start the real server.
import { buildIfStale } from "./lib/build-if-stale";

buildIfStale();
