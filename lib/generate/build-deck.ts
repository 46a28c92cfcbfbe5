// A deck folder → everything sync needs: meta, items, cards and all diagnostics.
import { loadDeck, listDeckDirs } from "../content/load-deck";
import type { DeckContent } from "../content/items";
import type { Diagnostic } from "../content/types";
import { generateCards } from "./generate";
import type { GeneratedCard } from "./types";

export type BuiltDeck = { content: DeckContent; cards: GeneratedCard[]; diagnostics: Diagnostic[] };

export function buildDeck(dir: string): BuiltDeck {
  const content = loadDeck(dir);
  const { cards, diagnostics } = generateCards(content.items, content.meta.key);
  return { content, cards, diagnostics: [...content.diagnostics, ...diagnostics] };
}

export function buildAllDecks(contentDir: string): BuiltDeck[] {
  return listDeckDirs(contentDir).map(buildDeck);
}

export const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === "error");

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.severity}: ${d.message}`;
}
