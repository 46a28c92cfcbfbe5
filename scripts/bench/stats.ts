// HOOK for the Progress issue's benchmark row: lib/stats is written in
// parallel and may not exist yet. It is found at run time and imported by
// file URL, so this script type-checks and runs either way; once lib/stats
// exports getStats({ deckKey?, now }), the "stats" row measures it with no
// change here.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export type GetStats = (opts: { deckKey?: string; now: Date }) => unknown;

export async function loadGetStats(): Promise<GetStats | null> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const file = ["lib/stats/index.ts", "lib/stats.ts"].map((f) => path.join(root, f)).find((f) => existsSync(f));
  if (!file) return null;
  const mod = (await import(pathToFileURL(file).href)) as { getStats?: unknown };
  return typeof mod.getStats === "function" ? (mod.getStats as GetStats) : null;
}
