// Deck presets: the Deck row's desiredRetention and weights (null = global).
import type { DeckPreset } from "../srs";
import { stmt } from "./sqlite";

type Raw = { desiredRetention: number | null; weights: string | null };
const toPreset = (r: Raw): DeckPreset => ({ desiredRetention: r.desiredRetention, weights: r.weights === null ? null : (JSON.parse(r.weights) as number[]) });

export function deckPreset(deckId: number): DeckPreset | null {
  const r = stmt(`SELECT desiredRetention, weights FROM Deck WHERE id = ?`).get(deckId) as Raw | undefined;
  return r ? toPreset(r) : null;
}

export function deckPresetByKey(key: string): { deckId: number; preset: DeckPreset } | null {
  const r = stmt(`SELECT id, desiredRetention, weights FROM Deck WHERE key = ?`).get(key) as (Raw & { id: number }) | undefined;
  return r ? { deckId: r.id, preset: toPreset(r) } : null;
}

export function writeDeckPreset(deckId: number, p: DeckPreset, now: Date): void {
  stmt(`UPDATE Deck SET desiredRetention = ?, weights = ?, updatedAt = ? WHERE id = ?`).run(
    p.desiredRetention,
    p.weights === null ? null : JSON.stringify(p.weights),
    now.getTime(),
    deckId,
  );
}

export interface DeckPresetRow extends DeckPreset {
  key: string;
  title: string;
}

export function listDeckPresets(): DeckPresetRow[] {
  return (stmt(`SELECT key, title, desiredRetention, weights FROM Deck ORDER BY title, key`).all() as (Raw & { key: string; title: string })[]).map((r) => ({
    key: r.key,
    title: r.title,
    ...toPreset(r),
  }));
}
