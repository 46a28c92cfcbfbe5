// Next bundles lib/db once per entry (the /progress page, the stats route), so
// two copies of lib/db/stats-feed.ts share one SQLite connection. The second
// copy used to re-register the aggregate with its own slot, and the first copy's
// statistics then failed with "called outside feed()" (GET /api/v1/stats 500
// after /progress had rendered).
import { expect, test, vi } from "vitest";

test("two copies of the stats feed, one connection: each copy's statistics still run", async () => {
  const first = await import("../../lib/db/stats-feed");
  vi.resetModules();
  const second = await import("../../lib/db/stats-feed");
  expect(second).not.toBe(first);
  const { sqlite } = await import("../../lib/db/sqlite");
  const conn = sqlite();
  const sql = "SELECT copies_test(x, x, x, x, x, x, x, x) FROM (SELECT 1 AS x UNION ALL SELECT 2)";
  const run = (copy: typeof first) => {
    const seen: number[] = [];
    const rows = copy.feed(conn, "copies_test", 8, (x: number) => seen.push(x), sql);
    return { rows, seen };
  };
  expect(run(first)).toEqual({ rows: 2, seen: [1, 2] });
  expect(run(second)).toEqual({ rows: 2, seen: [1, 2] });
  expect(run(first)).toEqual({ rows: 2, seen: [1, 2] });
});
