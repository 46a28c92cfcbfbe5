/**
 * "Apply changes to existing cards": after the parameters or the desired
 * retention change, reschedule every reviewed card from its history with the
 * current settings (lib/srs/reschedule.ts), after a preview of the next 30
 * days' due counts before and after. Applying is one transaction that also
 * records every changed card's fields before and after (RescheduleBatch), so
 * it can be undone as one transaction too. While a run stands, undoing an
 * answer given before it is refused (the card changed after that answer). Without it, changes apply from
 * each card's next answer, as before. Each card is replayed with its deck's
 * preset over the global settings.
 */
import { getSettings } from "./settings";
import { inWriteTransaction } from "../db/sqlite";
import { currentFields, getBatch, insertBatch, latestBatch, markUndone, reviewedLiveCards, writeFields, type BatchCard } from "../db/reschedule";
import { dueForecast, replayHistory, withPreset, type FsrsFields, type Settings } from "../srs";
import { deckPreset } from "../db/deck-presets";

export const FORECAST_DAYS = 30;

export interface ReschedulePreview {
  /** Reviewed cards considered, and how many of them would change. */
  cards: number;
  changed: number;
  /** Cards due on each of the next 30 study days (0 = today, overdue included). */
  before: number[];
  after: number[];
}

const key = (f: FsrsFields) => JSON.stringify({ ...f, due: f.due.getTime(), last_review: f.last_review?.getTime() ?? null });

function plan(now: Date): { preview: ReschedulePreview; changes: BatchCard[] } {
  const settings = getSettings();
  const presets = new Map<number, Settings>();
  const forDeck = (deckId: number) => {
    let s = presets.get(deckId);
    if (!s) presets.set(deckId, (s = withPreset(settings, deckPreset(deckId))));
    return s;
  };
  const cards = reviewedLiveCards();
  const changes: BatchCard[] = [];
  const afterDues: Date[] = [];
  for (const c of cards) {
    const after = replayHistory(c.id, c.answers, forDeck(c.deckId)) ?? c.fields;
    afterDues.push(after.due);
    if (key(after) !== key(c.fields)) changes.push({ id: c.id, updatedAt: c.updatedAt, before: c.fields, after });
  }
  return {
    preview: {
      cards: cards.length,
      changed: changes.length,
      before: dueForecast(
        cards.map((c) => c.fields.due),
        now,
        FORECAST_DAYS,
        settings,
      ),
      after: dueForecast(afterDues, now, FORECAST_DAYS, settings),
    },
    changes,
  };
}

export function previewReschedule(now: Date): ReschedulePreview {
  return plan(now).preview;
}

export type ApplyRescheduleOutcome = { kind: "applied"; batchId: number | null; preview: ReschedulePreview };

export function applyReschedule(now: Date): ApplyRescheduleOutcome {
  return inWriteTransaction((): ApplyRescheduleOutcome => {
    const { preview, changes } = plan(now);
    if (changes.length === 0) return { kind: "applied", batchId: null, preview };
    for (const c of changes) writeFields(c.id, c.after, now.getTime());
    return { kind: "applied", batchId: insertBatch(changes, now), preview };
  });
}

export type UndoRescheduleOutcome =
  | { kind: "not-found" }
  | { kind: "conflict"; reason: "already-undone" }
  | { kind: "undone"; restored: number; keptAnswered: number };

export function undoReschedule(batchId: number, now: Date): UndoRescheduleOutcome {
  return inWriteTransaction((): UndoRescheduleOutcome => {
    const batch = getBatch(batchId);
    if (!batch) return { kind: "not-found" };
    if (batch.undoneAt) return { kind: "conflict", reason: "already-undone" };
    let restored = 0;
    let keptAnswered = 0;
    for (const c of batch.cards) {
      const cur = currentFields(c.id);
      // A card answered (or otherwise changed) since keeps its newer state.
      if (cur && key(cur) === key(c.after)) {
        // The old updatedAt too: the card is as if never rescheduled, so its last answer can be undone again.
        writeFields(c.id, c.before, c.updatedAt);
        restored++;
      } else keptAnswered++;
    }
    markUndone(batchId, now);
    return { kind: "undone", restored, keptAnswered };
  });
}

export function lastReschedule() {
  return latestBatch();
}
