// The workload forecast on a real database: the learner's cards and settings
// go in, a deterministic sweep over 0.70–0.97 comes out, with their own
// answer times once they have enough reviews.
import { beforeEach, describe, expect, it } from "vitest";
import { sqlite } from "@/lib/db/sqlite";
import { forecastWorkload } from "@/lib/services/fsrs-simulate";
import { syntheticHistory } from "@/lib/fsrs-fit/synthetic-history";
import { insertHistory } from "../helpers/history-db";
import { useSettings } from "../helpers/seed";
import { GET } from "@/app/api/v1/fsrs/simulation/route";

const NOW = new Date(Date.UTC(2026, 11, 1, 12));

describe("forecastWorkload", () => {
  beforeEach(() => {
    sqlite().exec(`DELETE FROM ReviewLog; DELETE FROM Card; DELETE FROM Note; DELETE FROM Deck;`);
    useSettings({ desiredRetention: 0.86, newPerDay: 10 });
  });

  it("simulates the learner's cards at every retention 0.70–0.97 plus their own setting, the same way for the same seed", () => {
    insertHistory(sqlite(), syntheticHistory({ cards: 200, days: 200, seed: 2, start: Date.UTC(2026, 3, 1) }));
    // Half the cards are studied, due over the next days; the rest are new.
    sqlite().exec(`UPDATE Card SET state = 2, stability = 12, difficulty = 5, last_review = ${NOW.getTime() - 5 * 86_400_000},
      due = ${NOW.getTime()} + (id % 10) * 86400000 WHERE id % 2 = 0`);
    const f = forecastWorkload(NOW, 3);
    expect(f.cards).toBe(200);
    expect(f.newCards).toBe(100);
    expect(f.desiredRetention).toBe(0.86);
    expect(f.sweep.points.map((p) => p.desiredRetention)).toContain(0.86);
    expect(f.sweep.points).toHaveLength(28);
    expect(f.ownHabits.costs).toBe(true);
    expect(forecastWorkload(NOW, 3)).toEqual(f);
    const at = (r: number) => f.sweep.points.find((p) => p.desiredRetention === r)!;
    expect(at(0.95).minutesPerDay).toBeGreaterThan(at(0.8).minutesPerDay);
  });

  it("with no reviews uses typical habits and says so; the API validates its seed", async () => {
    insertHistory(sqlite(), []);
    const ok = await GET(new Request("http://x/api/v1/fsrs/simulation?seed=5"));
    expect(ok.status).toBe(200);
    expect((await ok.json()).ownHabits).toEqual({ costs: false, ratings: false });
    const bad = await GET(new Request("http://x/api/v1/fsrs/simulation?seed=-1"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe("invalid request");
  });
});
