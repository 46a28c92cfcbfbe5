// A deck's quiz pool built the way lib/db/quiz.ts builds it from synced cards,
// but straight from the generated cards (no database): for property tests.
import { buildDeck } from "../../lib/generate/build-deck";
import { cardToQuestions, matchQuestions, type PoolTerm, type QuizQuestion } from "../../lib/quiz";

const builtDecks = new Map<string, ReturnType<typeof buildDeck>>();

export function deckPool(dir: string, seed: number | string = 1): QuizQuestion[] {
  let built = builtDecks.get(dir);
  if (!built) builtDecks.set(dir, (built = buildDeck(dir)));
  const byKey = new Map(built.content.items.map((i) => [i.key, i]));
  const cards = built.cards.flatMap((c, i) => {
    const item = byKey.get(c.noteKey)!;
    const { noteKey: _n, kind: _k, topic: _t, ...payload } = c;
    const { key: _key, kind: noteKind, topic: _topic, source: _s, ...fields } = item;
    return cardToQuestions({ cardId: i + 1, kind: c.kind, topic: c.topic, noteKey: c.noteKey, noteKind, payload, fields });
  });
  const terms: PoolTerm[] = built.content.items.flatMap((i) =>
    i.kind === "term"
      ? [
          {
            noteKey: i.key,
            term: i.term,
            expansion: i.expansion,
            definition: i.definition,
            source: { file: i.source.file, line: i.source.line, quote: i.source.quote },
          },
        ]
      : [],
  );
  return [...cards, ...matchQuestions(terms, seed)];
}
