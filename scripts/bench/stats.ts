// The statistics use case the "stats" rows time (lib/services/stats.ts).
export type GetStats = (opts: { deckKey?: string; now: Date }) => unknown;

export async function loadGetStats(): Promise<GetStats | null> {
  const { getStats } = await import("../../lib/services/stats");
  return (opts) => getStats(opts);
}
