/**
 * Deck presets: read and set a deck's own desired retention and FSRS weights
 * (null = the global setting). The scheduler (answers, button previews, undo),
 * rescheduling and the workload forecast apply them (lib/srs/presets.ts).
 */
import { z } from "zod";
import { settingsSchema } from "../srs/settings-schema";
import { deckPresetByKey, listDeckPresets, writeDeckPreset, type DeckPresetRow } from "../db/deck-presets";
import type { DeckPreset } from "../srs";

export const presetSchema = z
  .object({
    desiredRetention: settingsSchema.shape.desiredRetention.nullable(),
    weights: settingsSchema.shape.weights,
  })
  .strict();

export type PresetOutcome = { kind: "not-found" } | { kind: "invalid"; error: z.ZodError } | { kind: "ok"; preset: DeckPreset };

export function getDeckPreset(deckKey: string): PresetOutcome {
  const d = deckPresetByKey(deckKey);
  return d ? { kind: "ok", preset: d.preset } : { kind: "not-found" };
}

export function setDeckPreset(deckKey: string, input: unknown, now: Date): PresetOutcome {
  const d = deckPresetByKey(deckKey);
  if (!d) return { kind: "not-found" };
  const r = presetSchema.safeParse(input);
  if (!r.success) return { kind: "invalid", error: r.error };
  const preset: DeckPreset = { desiredRetention: r.data.desiredRetention ?? null, weights: r.data.weights ?? null };
  writeDeckPreset(d.deckId, preset, now);
  return { kind: "ok", preset };
}

export function deckPresets(): DeckPresetRow[] {
  return listDeckPresets();
}
