// Bench rows for the workload simulator (lib/srs/simulate.ts): one simulation
// of 365 days for 10,000 cards (8,000 already studied, 2,000 new at 20 a
// day), and the 28-point sweep /settings draws (0.70–0.97).
import { mulberry32 } from "../../lib/generate/rng";
import { DEFAULT_COSTS, DEFAULT_RATINGS, simulate, sweepRetention, type SimulationInput } from "../../lib/fsrs-fit/simulate";
import { time, type Plan } from "./measure";
import type { Row } from "./report";

function collection(): Omit<SimulationInput, "desiredRetention"> {
  const rnd = mulberry32(5);
  const cards = Array.from({ length: 8_000 }, () => {
    const stability = 1 + rnd() * 100;
    const elapsed = Math.floor(rnd() * stability);
    return { stability, difficulty: 1 + rnd() * 9, elapsed, dueIn: Math.round(stability - elapsed) };
  });
  return { weights: null, days: 365, cards, newCards: 2_000, newPerDay: 20, maximumInterval: 36500, costs: DEFAULT_COSTS, ratings: DEFAULT_RATINGS, seed: 1 };
}

export async function benchSimulate(plan: Plan, sweepPlan: Plan, progress: (m: string) => void): Promise<Row[]> {
  const input = collection();
  progress("simulator …");
  const one = await time(plan, () => simulate({ ...input, desiredRetention: 0.9 }));
  const sweep = await time(sweepPlan, () => sweepRetention(input));
  return [
    {
      what: "workload simulation (365 days, desired retention 0.90)",
      size: "10k cards",
      ...one,
      unit: "ms",
      target: "p50 ≤ 2000 ms",
      result: one.p50 <= 2000 ? "PASS" : "FAIL",
    },
    { what: "workload sweep (28 retentions 0.70–0.97)", size: "10k cards", ...sweep, unit: "ms", target: "", result: "" },
  ];
}
