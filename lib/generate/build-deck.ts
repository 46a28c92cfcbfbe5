// A deck folder → everything sync needs: meta, items, cards and all diagnostics.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadDeck, listDeckDirs } from "../content/load-deck";
import type { DeckContent } from "../content/items";
import type { Diagnostic } from "../content/types";
import { generateCards } from "./generate";
import { wordnet } from "../lexicon/wordnet";
import type { GeneratedCard } from "./types";

export type BuiltDeck = { content: DeckContent; cards: GeneratedCard[]; diagnostics: Diagnostic[] };

export function buildDeck(dir: string): BuiltDeck {
  const content = loadDeck(dir);
  const generated = generateCards(content.items, content.meta.key, wordnet);
  // Each card knows its deck, so "From the transcript" can open the deck's transcript.
  const cards = generated.cards.map((c) => ({ ...c, source: { ...c.source, deck: content.meta.key } }));
  return { content, cards, diagnostics: [...content.diagnostics, ...generated.diagnostics] };
}

/** Every deck folder under contentDir; two folders claiming the same deck key is an error on the second. */
export function buildAllDecks(contentDir: string): BuiltDeck[] {
  const decks = listDeckDirs(contentDir).map(buildDeck);
  const first = new Map<string, BuiltDeck>();
  for (const d of decks) {
    const key = d.content.meta.key;
    const prev = first.get(key);
    if (!prev) first.set(key, d);
    else d.diagnostics.push(duplicateKey(d, prev));
  }
  return decks;
}

function duplicateKey(deck: BuiltDeck, prev: BuiltDeck): Diagnostic {
  const rel = (p: string) => path.relative(process.cwd(), p) || ".";
  const file = path.join(deck.content.dir, "deck.yaml");
  const line = existsSync(file)
    ? readFileSync(file, "utf8")
        .split(/\r?\n/)
        .findIndex((l) => /^key\s*:/.test(l)) + 1
    : 0;
  return {
    file: rel(file),
    line: Math.max(1, line),
    severity: "error",
    message: `deck key ${deck.content.meta.key} is already used by ${rel(prev.content.dir)}; give each deck its own key`,
  };
}

export const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === "error");

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.severity}: ${d.message}`;
}
