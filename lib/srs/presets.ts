/**
 * Deck presets (like Anki's): a deck may have its own desired retention and
 * FSRS parameters; whatever it leaves null comes from the global settings.
 */
import type { Settings } from "./types";

export interface DeckPreset {
  desiredRetention: number | null;
  weights: number[] | null;
}

export const NO_PRESET: Readonly<DeckPreset> = Object.freeze({ desiredRetention: null, weights: null });

/** The settings a deck's cards are scheduled with. */
export function withPreset<S extends Pick<Settings, "desiredRetention" | "weights">>(settings: S, preset: DeckPreset | null): S {
  if (!preset || (preset.desiredRetention === null && preset.weights === null)) return settings;
  return {
    ...settings,
    desiredRetention: preset.desiredRetention ?? settings.desiredRetention,
    weights: preset.weights ?? settings.weights,
  };
}
