// Writes decks, notes and cards into SQLite, keyed by deck key + item key +
// card kind — never by text — so rewording a definition updates its cards and
// keeps their review history. Items that disappear retire their cards (kept,
// with history, but no longer shown). One transaction per deck.
import type { BuiltDeck } from "../generate/build-deck";
import type { ContentItem } from "../content/items";
import type { GeneratedCard } from "../generate/types";
import { db } from "./client";

export type SyncCounts = { deck: string; added: number; updated: number; retired: number; unchanged: number };

/** What a card stores as its payload: everything the review and quiz screens show. */
export function cardPayload(c: GeneratedCard): string {
  const { noteKey: _n, kind: _k, topic: _t, ...shown } = c;
  return JSON.stringify(shown);
}

function noteFields(it: ContentItem): string {
  const { key: _k, kind: _kind, topic: _t, source: _s, ...fields } = it;
  return JSON.stringify(fields);
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];
type ExistingCard = { id: number; noteId: number; kind: string; payload: string; retired: boolean };

/**
 * The card of `kind` takes over the history of the cards it replaces: when it
 * does not exist yet, the most-reviewed former card is renamed to it (same row,
 * so its schedule and review logs stay); when it exists but was never reviewed
 * and a former card was, that card's schedule is copied onto it and its review
 * logs are moved. Former cards left over are retired by the sync as usual,
 * keeping whatever history they have.
 */
async function mergeFormerCards(tx: Tx, noteId: number, kind: string, formerKinds: readonly string[], cardByKey: Map<string, ExistingCard>): Promise<void> {
  const former = (await tx.card.findMany({ where: { noteId, kind: { in: [...formerKinds] } }, orderBy: [{ reps: "desc" }, { id: "asc" }] })).filter(
    (f) => !f.retired || f.reps > 0,
  );
  const best = former[0];
  if (!best) return;
  const current = cardByKey.get(`${noteId}|${kind}`);
  if (!current) {
    await tx.card.update({ where: { id: best.id }, data: { kind } });
    cardByKey.delete(`${noteId}|${best.kind}`);
    cardByKey.set(`${noteId}|${kind}`, { id: best.id, noteId, kind, payload: best.payload, retired: best.retired });
    return;
  }
  const survivor = await tx.card.findUniqueOrThrow({ where: { id: current.id } });
  if (survivor.reps > 0 || best.reps === 0) return;
  const { due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review, suspended, buriedUntil, leech } = best;
  await tx.card.update({
    where: { id: survivor.id },
    data: { due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review, suspended, buriedUntil, leech },
  });
  await tx.reviewLog.updateMany({ where: { cardId: best.id }, data: { cardId: survivor.id } });
  await tx.card.update({ where: { id: best.id }, data: { reps: 0, lapses: 0, state: 0, stability: 0, difficulty: 0, last_review: null } });
}

export async function syncDeck(built: BuiltDeck, now: Date): Promise<SyncCounts> {
  const { content, cards } = built;
  const counts: SyncCounts = { deck: content.meta.key, added: 0, updated: 0, retired: 0, unchanged: 0 };
  await db().$transaction(async (tx) => {
    const deck = await tx.deck.upsert({
      where: { key: content.meta.key },
      create: { key: content.meta.key, title: content.meta.title, sourceFile: content.meta.source },
      update: { title: content.meta.title, sourceFile: content.meta.source },
    });
    const notes = new Map((await tx.note.findMany({ where: { deckId: deck.id } })).map((n) => [n.key, n]));
    const existing = await tx.card.findMany({ where: { deckId: deck.id }, select: { id: true, noteId: true, kind: true, payload: true, retired: true } });
    const cardByKey = new Map(existing.map((c) => [`${c.noteId}|${c.kind}`, c]));
    const noteIds = new Map<string, number>();

    for (const it of content.items) {
      const data = { kind: it.kind, topic: it.topic, fields: noteFields(it), sourceQuote: it.source.quote, sourceLine: it.source.line, retired: false };
      const prev = notes.get(it.key);
      if (!prev) {
        noteIds.set(it.key, (await tx.note.create({ data: { ...data, deckId: deck.id, key: it.key } })).id);
      } else {
        noteIds.set(it.key, prev.id);
        const same =
          prev.kind === data.kind &&
          prev.topic === data.topic &&
          prev.fields === data.fields &&
          prev.sourceQuote === data.sourceQuote &&
          prev.sourceLine === data.sourceLine &&
          !prev.retired;
        if (!same) await tx.note.update({ where: { id: prev.id }, data });
      }
    }

    // Merged cards (e.g. the typed and choice siblings of definition-to-term):
    // their history moves onto the card that replaces them.
    for (const c of cards) {
      const noteId = noteIds.get(c.noteKey);
      if (noteId === undefined || !c.formerKinds?.length) continue;
      await mergeFormerCards(tx, noteId, c.kind, c.formerKinds, cardByKey);
    }

    const live = new Set<number>();
    for (const [position, c] of cards.entries()) {
      const noteId = noteIds.get(c.noteKey);
      if (noteId === undefined) throw new Error(`card ${c.kind} refers to unknown item ${c.noteKey}`);
      const payload = cardPayload(c);
      const prev = cardByKey.get(`${noteId}|${c.kind}`);
      if (!prev) {
        const created = await tx.card.create({ data: { noteId, deckId: deck.id, kind: c.kind, payload, position, due: now } });
        live.add(created.id);
        counts.added++;
        continue;
      }
      live.add(prev.id);
      if (prev.payload === payload && !prev.retired) {
        counts.unchanged++;
      } else {
        // Only the text changes: the FSRS fields, and so the history, stay.
        await tx.card.update({ where: { id: prev.id }, data: { payload, position, retired: false } });
        counts.updated++;
      }
    }

    const gone = existing.filter((c) => !live.has(c.id) && !c.retired).map((c) => c.id);
    if (gone.length > 0) await tx.card.updateMany({ where: { id: { in: gone } }, data: { retired: true } });
    counts.retired = gone.length;
    const itemKeys = new Set(content.items.map((i) => i.key));
    const goneNotes = [...notes.values()].filter((n) => !itemKeys.has(n.key) && !n.retired).map((n) => n.id);
    if (goneNotes.length > 0) await tx.note.updateMany({ where: { id: { in: goneNotes } }, data: { retired: true } });
  });
  return counts;
}
